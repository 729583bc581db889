import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { TIMER_QUEUE } from '#libs/clock';
import { loadConfig } from '#libs/config';
import { OutboxRelay, QueueConnections } from '#libs/persistence';
import { Clock } from '#libs/shared';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** A clock the test moves by hand, so a 72-hour deadline takes no time at all. */
export class FakeClock extends Clock {
  constructor(private current = Date.now()) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}

/** The real worker module, in this process, with the clock under the test's control. */
export async function startWorker(clock = new FakeClock()): Promise<TestWorker> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig())] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await moduleRef.init();
  return new TestWorker(moduleRef, clock);
}

export class TestWorker {
  constructor(
    readonly app: INestApplicationContext,
    readonly clock: FakeClock,
  ) {}

  get timers(): Queue {
    return this.app.get(QueueConnections).queue(TIMER_QUEUE);
  }

  /** Delivers everything the API has committed so far. */
  drain(): Promise<void> {
    return this.app.get(OutboxRelay).flush();
  }

  async timerIds(incidentId: string): Promise<string[]> {
    const jobs = await this.timers.getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs
      .map((j) => j.id!)
      .filter((id) => id.startsWith(`inc_${incidentId}_`))
      .sort();
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
