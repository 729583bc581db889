import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '#libs/auth';
import { PolicyModule } from '#libs/clock';
import { DocumentsModule } from '#libs/documents';
import { WebhookAdminModule } from '#libs/notifications';
import { AppConfig, AppConfigModule } from '#libs/config';
import { DirectoryModule } from '#libs/directory';
import { IncidentsModule } from '#libs/incidents';
import { PersistenceModule } from '#libs/persistence';
import { RegisterModule } from '#libs/register';
import { AdminModule } from './admin/admin.module';
import { EntitiesController } from './admin/entities.controller';
import { PartnersController } from './admin/partners.controller';
import { EscalationPolicyController } from './admin/escalation-policy.controller';
import { PeopleController } from './admin/people.controller';
import { WebhooksController } from './admin/webhooks.controller';
import { AssessmentPreviewController } from './assessment/assessment-preview.controller';
import { DevSignInController } from './dev/dev-sign-in.controller';
import { DocumentsController } from './documents/documents.controller';
import { HealthController } from './health/health.controller';
import { loggerOptions } from './http/logger-options';
import { IncidentsController } from './incidents/incidents.controller';
import { LessonsController } from './lessons/lessons.controller';
import { HttpMetricsMiddleware, MetricsController } from './metrics/metrics';
import { PagesModule } from './pages/pages.module';
import { RedisCloser, redisProvider } from './redis.provider';
import { RegisterController } from './register/register.controller';
import { TrendsController } from './register/trends.controller';
import { RateLimitGuard } from './http/rate-limit.guard';

@Module({})
export class ApiModule implements NestModule {
  /** Built from the validated configuration; the development sign-in exists only outside production. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        PersistenceModule,
        AuthModule,
        DirectoryModule,
        IncidentsModule,
        PolicyModule,
        DocumentsModule,
        WebhookAdminModule,
        AdminModule,
        PagesModule,
        RegisterModule,
      ],
      controllers: [
        IncidentsController,
        LessonsController,
        RegisterController,
        TrendsController,
        DocumentsController,
        AssessmentPreviewController,
        EscalationPolicyController,
        PeopleController,
        EntitiesController,
        PartnersController,
        WebhooksController,
        HealthController,
        MetricsController,
        ...(config.devIssuer ? [DevSignInController] : []),
      ],
      providers: [redisProvider, RedisCloser, RateLimitGuard],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
