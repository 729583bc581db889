import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, OUTBOX_CHANNEL } from '#libs/persistence';
import { ConcurrentChangeError } from '#libs/shared';
import { Incident } from '../domain/incident';
import { IncidentErrors } from '../domain/incident.errors';
import { IncidentEvent, rehydrateEvent } from '../domain/incident.events';
import { projectionUpsert, projectionValues, summarise } from './incident-projection';
import { hasPersonalFields, newIncidentKey, seal, unseal } from './personal-data-codec';

interface EventRow {
  id: string;
  version: number;
  type: string;
  payload: { meta: IncidentEvent['meta']; data: unknown };
}

/**
 * A whole append as one statement: the incident's key (a new incident only), its events, one
 * outbox row per event, their timeline entries, the projection, and the NOTIFY the relay hears
 * on commit. One round trip instead of three per event plus three matters because a report
 * holds the year's reference counter row lock (gapless references) from allocation to commit,
 * so every report waits on the round trips of the one before it; and each round trip costs the
 * API CPU of its own (a socket write and wake-up, a result to parse).
 *
 * $1 incident id, $2 the new incident's key or NULL, $3 the events as a JSON array of
 * { version, type, payload, actor_id, at, summary }, $4.. the projection (projectionValues).
 * Exported so that bench/intake runs exactly this statement in pgbench.
 */
export const APPEND_SQL = `WITH new_key AS (
    INSERT INTO incident_keys (incident_id, key) SELECT $1::uuid, $2::bytea WHERE $2::bytea IS NOT NULL
  ), input AS (
    SELECT * FROM jsonb_to_recordset($3::jsonb)
      AS e(version int, type text, payload jsonb, actor_id text, at timestamptz, summary text)
  ), events AS (
    INSERT INTO incident_events (incident_id, version, type, payload, actor_id)
    SELECT $1::uuid, version, type, payload, actor_id FROM input ORDER BY version
    RETURNING id, version
  ), outbox_rows AS (
    INSERT INTO outbox (event_id, incident_id, event_type)
    SELECT events.id, $1::uuid, input.type FROM events JOIN input USING (version) ORDER BY events.id
  ), timeline AS (
    INSERT INTO incident_timeline (event_id, incident_id, version, type, actor_id, at, summary)
    SELECT events.id, $1::uuid, version, input.type, input.actor_id, input.at, input.summary
      FROM events JOIN input USING (version)
  ), projection AS (
    ${projectionUpsert(4)}
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '')`;

const NEXT_REFERENCE_SQL = `INSERT INTO incident_reference_counters (year, last_value) VALUES ($1, 1)
  ON CONFLICT (year) DO UPDATE SET last_value = incident_reference_counters.last_value + 1
  RETURNING last_value`;

/** NEXT_REFERENCE_SQL, also returning the current escalation policy version (1 before any is stored). */
export const REPORT_STAMP_SQL = `${NEXT_REFERENCE_SQL}, (SELECT max(version) FROM escalation_policies) AS policy_version`;

const formatReference = (year: number, n: number) => `BR-${year}-${String(n).padStart(4, '0')}`;

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

  /** Appends the aggregate's new events in `tx` (one statement, see APPEND_SQL); returns the new version. */
  async append(tx: EntityManager, incident: Incident): Promise<number> {
    const events = incident.getUncommittedEvents();
    if (events.length === 0) return incident.version;
    const isNew = incident.version === 0;
    const key = isNew ? newIncidentKey() : await this.keyOf(tx, incident.id);
    const version = incident.version + events.length;
    await tx.query(APPEND_SQL, appendParameters(incident, key));
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

  /**
   * The year's next gapless reference. The counter row stays locked until `tx` ends, so every
   * report of the year waits here for the one before it to commit: take it as late as possible.
   */
  async nextReference(tx: EntityManager, year: number): Promise<string> {
    const [{ last_value }]: { last_value: number }[] = await tx.query(NEXT_REFERENCE_SQL, [year]);
    return formatReference(year, last_value);
  }

  /**
   * What a new report is stamped with: the year's next reference (as nextReference, locking the
   * counter row until `tx` ends) and the escalation policy version in force, in one round trip.
   */
  async stampNewReport(tx: EntityManager, year: number): Promise<{ reference: string; policyVersion: number }> {
    const [{ last_value, policy_version }]: { last_value: number; policy_version: number | null }[] = await tx.query(
      REPORT_STAMP_SQL,
      [year],
    );
    return { reference: formatReference(year, last_value), policyVersion: policy_version ?? 1 };
  }

  private async keyOf(tx: EntityManager, incidentId: string): Promise<Buffer | undefined> {
    const rows: { key: Buffer }[] = await tx.query('SELECT key FROM incident_keys WHERE incident_id = $1', [
      incidentId,
    ]);
    return rows[0]?.key;
  }
}

/**
 * The parameters of APPEND_SQL for the aggregate's uncommitted events, their personal fields
 * sealed with `key` (which is inserted too when the incident is new). Refuses an event with
 * personal fields for an incident whose key is gone.
 */
export function appendParameters(incident: Incident, key: Buffer | undefined): unknown[] {
  let version = incident.version;
  const events = incident.getUncommittedEvents().map((event) => {
    version += 1;
    if (!key && hasPersonalFields(event.type)) throw IncidentErrors.erased();
    const data = key ? seal(event.type, event.data, key) : event.data;
    return {
      version,
      type: event.type,
      payload: { meta: event.meta, data },
      actor_id: event.meta.actorId,
      at: event.meta.at,
      summary: summarise(event),
    };
  });
  return [
    incident.id,
    incident.version === 0 ? key : null,
    JSON.stringify(events),
    ...projectionValues(incident.state, version),
  ];
}
