import { EntityManager } from 'typeorm';

/** An event as the relay hands it over: ids, type and payload, read from PostgreSQL. */
export interface RelayedEvent {
  eventId: string;
  incidentId: string;
  version: number;
  type: string;
  payload: Record<string, unknown>;
  recordedAt: Date;
}

/**
 * A consumer of committed events. Delivery is at least once, so `handle` must be
 * idempotent; work it does through `tx` commits with the receipt, so it happens once.
 */
export interface OutboxHandler {
  readonly name: string;
  handles(type: string): boolean;
  handle(event: RelayedEvent, tx: EntityManager): Promise<void>;
}

export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');
