import { DataSource, EntityManager } from 'typeorm';
import { Incident } from '../domain/incident';
import type { IncidentEvent } from '../domain/incident.events';
import { writeProjection, writeTimelineEntries, writeTimelineEntry } from './incident-projection';
import { IncidentRepository } from './incident.repository';

/** Rebuilds one incident's projection and timeline from its events (e.g. after erasure). */
export async function rebuildIncidentProjection(
  tx: EntityManager,
  repository: IncidentRepository,
  id: string,
): Promise<number> {
  const { rows, events } = await repository.readStream(tx, id);
  await tx.query('DELETE FROM incident_timeline WHERE incident_id = $1', [id]);
  for (const [i, row] of rows.entries()) await writeTimelineEntry(tx, row.id, row.version, events[i]);
  if (events.length) await writeProjection(tx, Incident.fromHistory(id, events).state, rows.length);
  return rows.length;
}

const BATCH = 500;

/**
 * Replays every stream into fresh projections, in one transaction, so readers see either
 * the old projections or the new ones. Streams are read a batch of incidents at a time
 * (memory stays flat however many there are) and each batch's timeline is written in one
 * statement, so the rebuild costs a few round trips per batch rather than one per event.
 */
export async function rebuildProjections(dataSource: DataSource): Promise<{ incidents: number; events: number }> {
  const repository = new IncidentRepository(dataSource);
  return dataSource.transaction(async (tx) => {
    await tx.query('LOCK TABLE incidents, incident_timeline IN ACCESS EXCLUSIVE MODE');
    await tx.query('TRUNCATE incidents, incident_timeline');
    const ids: { incident_id: string }[] = await tx.query(
      'SELECT DISTINCT incident_id FROM incident_events ORDER BY incident_id',
    );
    let events = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH).map((r) => r.incident_id);
      const streams = await repository.readStreams(tx, batch);
      const timeline: { id: string; version: number; event: IncidentEvent }[] = [];
      for (const [id, { rows, events: history }] of streams) {
        rows.forEach((row, n) => timeline.push({ id: row.id, version: row.version, event: history[n] }));
        await writeProjection(tx, Incident.fromHistory(id, history).state, rows.length);
        events += rows.length;
      }
      await writeTimelineEntries(tx, timeline);
    }
    return { incidents: ids.length, events };
  });
}
