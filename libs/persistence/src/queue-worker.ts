import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { QueueConnections } from './queue-connections';

/** One handler per job name: the type system checks every name of a queue has one. */
export type JobHandlers<Jobs> = { [N in keyof Jobs]: (job: Job<Jobs[N]>, token?: string) => Promise<string> };

export interface QueueWorkerOptions {
  concurrency: number;
  /** How long a claim on a job lasts; a killed worker's job is retried after this. */
  lockMs: number;
}

/**
 * A BullMQ worker for one queue that refuses (without retrying) a job nobody handles, and
 * logs failures and connection errors by error class only: messages can quote data, and an
 * 'error' event with no listener would end the process.
 */
export function startQueueWorker<Jobs>(
  queues: QueueConnections,
  queue: string,
  handlers: JobHandlers<Jobs>,
  options: QueueWorkerOptions,
  logger: Logger,
  jobNames: readonly (keyof Jobs & string)[] = [],
): Worker {
  // A job nobody can process would sit in Redis while a deadline passes: refuse to start instead.
  const missing = jobNames.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length) throw new Error(`Queue ${queue} has no processor for: ${missing.join(', ')}`);
  const worker = new Worker(
    queue,
    (job: Job, token?: string) => {
      const handler = handlers[job.name as keyof Jobs] as ((job: Job, token?: string) => Promise<string>) | undefined;
      if (!handler) throw new UnrecoverableError(`No processor for ${job.name}`);
      return handler(job, token);
    },
    {
      connection: queues.connection(),
      prefix: queues.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
    },
  );
  worker.on('failed', (job, error) => logger.warn(`${queue} job ${job?.name} failed: ${error.name}`));
  worker.on('error', (error) => logger.error(`${queue} worker: ${error.name}`));
  return worker;
}
