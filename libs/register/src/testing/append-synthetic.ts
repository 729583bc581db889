import type { IncidentRepository, IncidentState } from '#libs/incidents';
import type { SyntheticIncident } from './synthetic-incidents';

export interface AppendOptions {
  /** Incidents per transaction: fewer commits, same events, outbox rows and projections. */
  batchSize?: number;
  /** Transactions at once. */
  concurrency?: number;
  /** Keep and return the final states (tests compare with them; a benchmark need not hold 50,000). */
  keepStates?: boolean;
}

/**
 * Writes synthetic incidents through the real write path (`IncidentRepository.append`: events,
 * outbox, timeline and projection in one transaction per batch) and returns their final states,
 * in input order. References are taken in a short transaction of their own first: holding the
 * year's counter row for a whole batch would serialise the batches.
 */
export async function appendSynthetic(
  repo: IncidentRepository,
  items: SyntheticIncident[],
  { batchSize = 50, concurrency = 4, keepStates = true }: AppendOptions = {},
): Promise<IncidentState[]> {
  const states: IncidentState[] = keepStates ? new Array(items.length) : [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += batchSize;
      if (start >= items.length) return;
      const batch = items.slice(start, start + batchSize).map((item, k) => ({ item, index: start + k }));
      // Counter rows are always taken in year order, so two transactions never wait on each other in a circle.
      batch.sort((a, b) => a.item.year - b.item.year);
      const references = await repo.transaction(async (tx) => {
        const refs: string[] = [];
        for (const { item } of batch) refs.push(await repo.nextReference(tx, item.year));
        return refs;
      });
      await repo.transaction(async (tx) => {
        for (const [k, { item, index }] of batch.entries()) {
          const incident = item.build(references[k]);
          await repo.append(tx, incident);
          if (keepStates) states[index] = incident.state as IncidentState;
        }
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return states;
}
