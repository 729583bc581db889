import { Gate } from './gate';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Gate', () => {
  it('runs at most `limit` at once and the rest in arrival order', async () => {
    const gate = new Gate(2);
    const started: number[] = [];
    const jobs = Array.from({ length: 5 }, () => deferred());
    const runs = jobs.map((job, i) =>
      gate.run(async () => {
        started.push(i);
        await job.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    jobs[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    jobs[0].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    // A newcomer while others wait goes to the back of the line.
    const late = gate.run(async () => {
      started.push(99);
    });
    jobs[2].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    jobs[3].resolve();
    jobs[4].resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4]);
    await late;
    expect(started).toEqual([0, 1, 2, 3, 4, 99]);
  });

  it('gives the place back when the work fails', async () => {
    const gate = new Gate(1);
    await expect(gate.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below 1', () => {
    expect(() => new Gate(0)).toThrow();
  });
});
