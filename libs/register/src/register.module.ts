import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '#libs/shared';
import { RegisterService } from './register.service';
import { TrendsService } from './trends.service';

@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, RegisterService, TrendsService],
  exports: [RegisterService, TrendsService],
})
export class RegisterModule {}
