import { KEEP_FINISHED_JOBS } from '#libs/persistence';

export const NOTIFICATION_QUEUE = 'notifications';

/** Ids only: the worker reads who and what from PostgreSQL when it sends. */
export interface NotificationJobs {
  'send-notification': { sendId: string };
}

export const SEND_ATTEMPTS = 10;

/** Exponential backoff over 10 attempts: from 5 s, about 85 minutes of an SMTP outage. */
export function sendJobOptions(firstRetryMs: number) {
  return { attempts: SEND_ATTEMPTS, backoff: { type: 'exponential', delay: firstRetryMs }, ...KEEP_FINISHED_JOBS };
}
