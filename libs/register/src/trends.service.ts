import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#libs/shared';
import type { RegisterFilter } from './register-filter';
import { shapeTrends, type TrendsRaw } from './trends-shape';
import { TRENDS_SQL } from './trends.sql';
import type { Trends } from './trends.types';

/** The executive team's trends, computed in PostgreSQL from the `incidents` projection. */
@Injectable()
export class TrendsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async trends(filter: RegisterFilter): Promise<Trends> {
    const now = this.clock.now();
    const raw = await this.dataSource.transaction(async (tx) => {
      // The planner guesses 100 rows for every jsonb_array_elements call, which lifts the cost
      // past jit_above_cost: JIT compiling then took half the time of the whole query at 50,000 incidents.
      await tx.query('SET LOCAL jit = off');
      const [row]: TrendsRaw[] = await tx.query(TRENDS_SQL, [
        filter.from,
        filter.to,
        filter.entityId,
        now.toISOString(),
      ]);
      return row;
    });
    const period = { from: filter.from, to: filter.to, entityId: filter.entityId };
    return shapeTrends(raw, period, now.toISOString());
  }
}
