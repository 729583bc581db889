import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClockModule, TimerScheduler } from '#libs/clock';
import { AppConfig, AppConfigModule } from '#libs/config';
import { NotificationPlanner, NotificationsModule, WebhookPlanner } from '#libs/notifications';
import { OUTBOX_HANDLERS, OutboxHandler, OutboxRelay, PersistenceModule } from '#libs/persistence';
import { IncidentsModule } from '#libs/incidents';
import { loggerOptions } from '../../api/src/http/logger-options';
import { RetentionProcessor } from './retention.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        PersistenceModule,
        IncidentsModule,
        ClockModule,
        NotificationsModule,
      ],
      providers: [
        OutboxRelay,
        RetentionProcessor,
        {
          provide: OUTBOX_HANDLERS,
          inject: [TimerScheduler, NotificationPlanner, WebhookPlanner],
          useFactory: (...handlers: OutboxHandler[]) => handlers,
        },
      ],
    };
  }
}
