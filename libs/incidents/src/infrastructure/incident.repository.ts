import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, OUTBOX_CHANNEL } from '#libs/persistence';
import { ConcurrentChangeError } from '#libs/shared';
import { Incident } from '../domain/incident';
import { IncidentErrors } from '../domain/incident.errors';
import { IncidentEvent, rehydrateEvent } from '../domain/incident.events';
import { writeProjection, writeTimelineEntry } from './incident-projection';
import { hasPersonalFields, newIncidentKey, seal, unseal } from './personal-data-codec';

interface EventRow {
  id: string;
  version: number;
  type: string;
  payload: { meta: IncidentEvent['meta']; data: unknown };
}

/**
 * The event store for incidents. One transaction per command appends the events (the
 * unique stream version turns a race into a 409), updates the projections and writes
 * one outbox row per event, then NOTIFYs the relay, which hears it only on commit.
 * Personal fields are sealed with the incident's key (see personal-data-codec).
 */
@Injectable()
export class IncidentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(id: string, tx: EntityManager = this.dataSource.manager): Promise<Incident | undefined> {
    const stream = await this.readStream(tx, id);
    return stream.events.length ? Incident.fromHistory(id, stream.events) : undefined;
  }

  /** The stream's events, opened with the incident's key (or `[erased]` without it). */
  async readStream(tx: EntityManager, id: string): Promise<{ rows: EventRow[]; events: IncidentEvent[] }> {
    const [rows, key] = await Promise.all([
      tx.query('SELECT id, version, type, payload FROM incident_events WHERE incident_id = $1 ORDER BY version', [
        id,
      ]) as Promise<EventRow[]>,
      this.keyOf(tx, id),
    ]);
    const events = rows.map((r) =>
      rehydrateEvent(id, r.type, { meta: r.payload.meta, data: unseal(r.type, r.payload.data, key) }),
    );
    return { rows, events };
  }

  /** Several streams at once (for the projection rebuild), in incident then version order. */
  async readStreams(
    tx: EntityManager,
    ids: string[],
  ): Promise<Map<string, { rows: EventRow[]; events: IncidentEvent[] }>> {
    const [rows, keys] = await Promise.all([
      tx.query(
        `SELECT id, incident_id, version, type, payload FROM incident_events
          WHERE incident_id = ANY($1::uuid[]) ORDER BY incident_id, version`,
        [ids],
      ) as Promise<(EventRow & { incident_id: string })[]>,
      tx.query('SELECT incident_id, key FROM incident_keys WHERE incident_id = ANY($1::uuid[])', [ids]) as Promise<
        { incident_id: string; key: Buffer }[]
      >,
    ]);
    const keyOf = new Map(keys.map((k) => [k.incident_id, k.key]));
    const streams = new Map<string, { rows: EventRow[]; events: IncidentEvent[] }>();
    for (const row of rows) {
      const stream = streams.get(row.incident_id) ?? { rows: [], events: [] };
      stream.rows.push(row);
      const data = unseal(row.type, row.payload.data, keyOf.get(row.incident_id));
      stream.events.push(rehydrateEvent(row.incident_id, row.type, { meta: row.payload.meta, data }));
      streams.set(row.incident_id, stream);
    }
    return streams;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      try {
        return await work(tx);
      } catch (error) {
        if (isUniqueViolation(error, 'incident_events_stream_version')) throw new ConcurrentChangeError();
        throw error;
      }
    });
  }

  /** Appends the aggregate's new events in `tx`; returns the new version. */
  async append(tx: EntityManager, incident: Incident): Promise<number> {
    const events = incident.getUncommittedEvents();
    const key = incident.version === 0 ? await this.createKey(tx, incident.id) : await this.keyOf(tx, incident.id);
    let version = incident.version;
    for (const event of events) {
      version += 1;
      if (!key && hasPersonalFields(event.type)) throw IncidentErrors.erased();
      const data = key ? seal(event.type, event.data, key) : event.data;
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO incident_events (incident_id, version, type, payload, actor_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [event.incidentId, version, event.type, { meta: event.meta, data }, event.meta.actorId],
      );
      await tx.query('INSERT INTO outbox (event_id, incident_id, event_type) VALUES ($1, $2, $3)', [
        id,
        event.incidentId,
        event.type,
      ]);
      await writeTimelineEntry(tx, id, version, event);
    }
    if (events.length) {
      await writeProjection(tx, incident.state, version);
      await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    }
    incident.uncommit();
    return version;
  }

  /** Whether every event after `version` was written by the system (timers, deliveries), not a person. */
  async onlySystemSince(incidentId: string, version: number): Promise<boolean> {
    const [{ people }]: { people: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS people FROM incident_events WHERE incident_id = $1 AND version > $2 AND actor_id <> 'system'`,
      [incidentId, version],
    );
    return people === 0;
  }

  /** Crypto-shredding: without its key, the incident's personal fields can never be read again. */
  async eraseKey(tx: EntityManager, incidentId: string): Promise<void> {
    await tx.query('DELETE FROM incident_keys WHERE incident_id = $1', [incidentId]);
  }

  async currentPolicyVersion(tx: EntityManager): Promise<number> {
    const [{ version }]: { version: number | null }[] = await tx.query(
      'SELECT max(version) AS version FROM escalation_policies',
    );
    return version ?? 1;
  }

  async nextReference(tx: EntityManager, year: number): Promise<string> {
    const [{ last_value }]: { last_value: number }[] = await tx.query(
      `INSERT INTO incident_reference_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = incident_reference_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return `BR-${year}-${String(last_value).padStart(4, '0')}`;
  }

  private async keyOf(tx: EntityManager, incidentId: string): Promise<Buffer | undefined> {
    const rows: { key: Buffer }[] = await tx.query('SELECT key FROM incident_keys WHERE incident_id = $1', [
      incidentId,
    ]);
    return rows[0]?.key;
  }

  private async createKey(tx: EntityManager, incidentId: string): Promise<Buffer> {
    const key = newIncidentKey();
    await tx.query('INSERT INTO incident_keys (incident_id, key) VALUES ($1, $2)', [incidentId, key]);
    return key;
  }
}
