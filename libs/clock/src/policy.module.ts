import { Module } from '@nestjs/common';
import { PolicyStore } from './infrastructure/policy-store';

/** The escalation policy alone, for the API (the ClockModule also runs the timer worker). */
@Module({ providers: [PolicyStore], exports: [PolicyStore] })
export class PolicyModule {}
