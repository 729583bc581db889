import { KEEP_FINISHED_JOBS } from '#libs/persistence';

export const TIMER_QUEUE = 'timers';

/** Job names of the timers queue and their payloads: ids and times only, never content. */
export interface TimerJobs {
  'fire-timer': { incidentId: string; timer: string; awareAt: string };
  'reconcile-timers': Record<string, never>;
}
export type TimerJobName = keyof TimerJobs;
export const TIMER_JOB_NAMES: readonly TimerJobName[] = ['fire-timer', 'reconcile-timers'];

export const TIMER_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  ...KEEP_FINISHED_JOBS,
} as const;
