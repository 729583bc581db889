/**
 * At most `limit` callers run at once; the rest wait their turn in arrival order. For work that
 * is serialised further down anyway (a row lock), so that the queue forms here, in memory,
 * rather than as connections held open and waiting inside the database.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a gate needs a limit of at least 1, not ${limit}`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      // Hand the place straight to the next in line (so `running` never dips and lets a newcomer jump the queue).
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
