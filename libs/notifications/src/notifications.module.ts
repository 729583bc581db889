import { Module } from '@nestjs/common';
import { PolicyModule } from '#libs/clock';
import { DirectoryModule } from '#libs/directory';
import { IncidentsModule } from '#libs/incidents';
import { MailTransport } from './infrastructure/mail-transport';
import { NotificationPlanner } from './infrastructure/notification-planner';
import { NotificationProcessor } from './infrastructure/notification.processor';
import { NotificationSender } from './infrastructure/notification-sender';
import { WebhookPlanner } from './webhooks/webhook-planner';
import { WebhookProcessor } from './webhooks/webhook.processor';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhookSubscriptions } from './webhooks/webhook-subscriptions';

/** Messages to people, for the worker: planned from events, sent from the send log. */
@Module({
  imports: [IncidentsModule, DirectoryModule, PolicyModule],
  providers: [
    MailTransport,
    NotificationPlanner,
    NotificationSender,
    NotificationProcessor,
    WebhookPlanner,
    WebhookSender,
    WebhookProcessor,
    WebhookSubscriptions,
  ],
  exports: [NotificationPlanner, NotificationSender, MailTransport, WebhookPlanner],
})
export class NotificationsModule {}

/** Webhook subscriptions alone, for the API (the NotificationsModule also runs workers). */
@Module({ providers: [WebhookSubscriptions], exports: [WebhookSubscriptions] })
export class WebhookAdminModule {}
