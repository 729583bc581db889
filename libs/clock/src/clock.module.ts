import { Module } from '@nestjs/common';
import { IncidentsModule } from '#libs/incidents';
import { PolicyModule } from './policy.module';
import { TimerFiring } from './infrastructure/timer-firing';
import { TimerProcessor } from './infrastructure/timer.processor';
import { TimerReconciler } from './infrastructure/timer-reconciler';
import { TimerScheduler } from './infrastructure/timer-scheduler';

/** The 72-hour clock and the escalation chain, for the worker. */
@Module({
  imports: [IncidentsModule, PolicyModule],
  providers: [TimerScheduler, TimerFiring, TimerReconciler, TimerProcessor],
  exports: [PolicyModule, TimerScheduler, TimerReconciler, TimerFiring],
})
export class ClockModule {}
