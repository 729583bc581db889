import { KEEP_FINISHED_JOBS } from '#libs/persistence';

export const WEBHOOK_QUEUE = 'webhooks';
export const WEBHOOK_ATTEMPTS = 8;

export interface WebhookJobs {
  'deliver-webhook': { deliveryId: string };
}

export function webhookJobOptions(firstRetryMs: number) {
  return { attempts: WEBHOOK_ATTEMPTS, backoff: { type: 'exponential', delay: firstRetryMs }, ...KEEP_FINISHED_JOBS };
}
