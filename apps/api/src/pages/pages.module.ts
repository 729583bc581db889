import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { PolicyModule } from '#libs/clock';
import { DirectoryModule } from '#libs/directory';
import { IncidentsModule } from '#libs/incidents';
import { WebhookAdminModule } from '#libs/notifications';
import { RegisterModule } from '#libs/register';
import { AdminModule } from '../admin/admin.module';
import { AdminPagesController } from './admin/admin-pages.controller';
import { AdminPartnersPagesController } from './admin/admin-partners-pages.controller';
import { AdminWebhooksPagesController } from './admin/admin-webhooks-pages.controller';
import { AuthPagesController } from './auth/auth-pages.controller';
import { OidcSignIn } from './auth/oidc-sign-in';
import { AssessmentPreviewPagesController } from './incidents/assessment-preview-pages.controller';
import { IncidentPage } from './incidents/incident-page';
import { IncidentPagesController } from './incidents/incident-pages.controller';
import { LessonsPagesController } from './lessons/lessons-pages.controller';
import { QueuePagesController } from './queue/queue-pages.controller';
import { RegisterPagesController } from './register/register-pages.controller';
import { TrendsPagesController } from './register/trends-pages.controller';
import { ReportPagesController } from './reports/report-pages.controller';
import { CsrfGuard } from './view/csrf.guard';
import { CsrfTokens } from './view/csrf-tokens';
import { PageErrorFilter } from './view/page-error.filter';
import { PageRenderer } from './view/page-renderer';
import { ShownOnce } from './view/shown-once';

/**
 * Server-rendered pages for people (Handlebars, no front-end build): sign-in, reporting,
 * the DPO's queue, the incident page, administration, the trends and the breach register. They send the same commands and
 * queries as the JSON API and validate with the same DTOs.
 */
@Module({
  imports: [
    AuthModule,
    DirectoryModule,
    IncidentsModule,
    PolicyModule,
    AdminModule,
    RegisterModule,
    WebhookAdminModule,
  ],
  controllers: [
    AuthPagesController,
    QueuePagesController,
    ReportPagesController,
    IncidentPagesController,
    AssessmentPreviewPagesController,
    LessonsPagesController,
    AdminPagesController,
    AdminWebhooksPagesController,
    AdminPartnersPagesController,
    TrendsPagesController,
    RegisterPagesController,
  ],
  providers: [CsrfTokens, CsrfGuard, PageRenderer, PageErrorFilter, IncidentPage, OidcSignIn, ShownOnce],
})
export class PagesModule {}
