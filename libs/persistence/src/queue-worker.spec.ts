import { Logger } from '@nestjs/common';
import type { QueueConnections } from './queue-connections';
import { JobHandlers, startQueueWorker } from './queue-worker';

describe('startQueueWorker', () => {
  it('refuses to start when a job name has no processor', () => {
    type Jobs = { 'fire-timer': object; 'reconcile-timers': object };
    const handlers = { 'fire-timer': async () => 'ok' } as unknown as JobHandlers<Jobs>;
    const queues = { connection: () => undefined, prefix: 'x' } as unknown as QueueConnections;
    expect(() =>
      startQueueWorker(queues, 'timers', handlers, { concurrency: 1, lockMs: 1000 }, new Logger('t'), [
        'fire-timer',
        'reconcile-timers',
      ]),
    ).toThrow('Queue timers has no processor for: reconcile-timers');
  });
});
