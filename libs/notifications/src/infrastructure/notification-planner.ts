import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { EntityManager } from 'typeorm';
import { ChainRole, PolicyStore } from '#libs/clock';
import { DirectoryPerson, DirectoryService } from '#libs/directory';
import { OutboxHandler, QueueConnections, RelayedEvent } from '#libs/persistence';
import type { MessageKind } from '../message-kinds';
import { NOTIFICATION_QUEUE, NotificationJobs, sendJobOptions } from './notification-queue';

const ASKS: Record<string, true> = {
  IncidentReported: true,
  EscalationRaised: true,
  DeadlineReminderRaised: true,
  IcoDeadlineMissed: true,
  ControllerDeadlineMissed: true,
  LessonsCirculated: true,
  LessonActionReminderRaised: true,
  LessonActionOverdue: true,
};

/**
 * Turns an event that asks someone to act into one send per recipient: a row in the send
 * log (unique per event and recipient) and a job that carries only the send's id.
 */
@Injectable()
export class NotificationPlanner implements OutboxHandler {
  readonly name = 'notifications';

  constructor(
    private readonly directory: DirectoryService,
    private readonly queues: QueueConnections,
    private readonly policies: PolicyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handles(type: string): boolean {
    return ASKS[type] === true;
  }

  async handle(event: RelayedEvent, tx: EntityManager): Promise<void> {
    const [kind, recipients] = await this.plan(event, tx);
    const jobs = [];
    for (const person of dedupe(recipients)) {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO notification_sends (id, incident_id, event_id, recipient_id, kind) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT notification_sends_once DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
        [randomUUID(), event.incidentId, event.eventId, person.id, kind],
      );
      const data: NotificationJobs['send-notification'] = { sendId: row.id };
      jobs.push({
        name: 'send-notification',
        data,
        opts: { ...sendJobOptions(this.config.SEND_RETRY_DELAY_MS), jobId: `ntf_${row.id}` },
      });
    }
    // Enqueued before this transaction commits: a job that runs first finds no committed send
    // row, fails, and is retried after the commit.
    if (jobs.length) await this.queues.queue(NOTIFICATION_QUEUE).addBulk(jobs);
  }

  private async plan(event: RelayedEvent, tx: EntityManager): Promise<[MessageKind, DirectoryPerson[]]> {
    const data = (event.payload.data ?? {}) as {
      to?: string;
      policyVersion?: number;
      recipientIds?: string[];
      actionId?: string;
    };
    switch (event.type) {
      case 'IncidentReported': {
        const policy = await this.policies.get(data.policyVersion ?? 1);
        return ['new-report', await this.holders(policy.notifyAtReport)];
      }
      case 'EscalationRaised':
        return data.to === 'emt'
          ? ['escalated-to-emt', await this.directory.emtOnDuty()]
          : ['escalated-to-governance', await this.directory.governance()];
      case 'DeadlineReminderRaised':
        return ['deadline-reminder', await this.owner(event.incidentId, tx)];
      case 'ControllerDeadlineMissed':
        return ['controller-deadline-missed', await this.owner(event.incidentId, tx)];
      case 'LessonsCirculated':
        return ['lessons-circulated', await this.people(data.recipientIds ?? [])];
      case 'LessonActionReminderRaised':
        return ['action-reminder', await this.people([await this.actionOwner(event.incidentId, data.actionId, tx)])];
      case 'LessonActionOverdue': {
        const owner = await this.actionOwner(event.incidentId, data.actionId, tx);
        return ['action-overdue', [...(await this.people([owner])), ...(await this.owner(event.incidentId, tx))]];
      }
      default: {
        // A missed ICO deadline goes to the owner and the chain the incident's policy names.
        const [{ version }]: { version: number }[] = await tx.query(
          `SELECT (detail->>'policyVersion')::int AS version FROM incidents WHERE id = $1`,
          [event.incidentId],
        );
        const policy = await this.policies.get(version ?? 1);
        const chain = await Promise.all([
          this.owner(event.incidentId, tx),
          this.holders(policy.notifyWhenDeadlineMissed),
        ]);
        return ['ico-deadline-missed', chain.flat()];
      }
    }
  }

  /** The people holding the chain's roles today (the DPO's deputy while the DPO is away). */
  private async holders(roles: ChainRole[]): Promise<DirectoryPerson[]> {
    const lookups = {
      dpo: () => this.directory.dpoOrDeputy(),
      governance: () => this.directory.governance(),
      emt: () => this.directory.emtOnDuty(),
    };
    return (await Promise.all(roles.map((r) => lookups[r]()))).flat();
  }

  private async people(ids: (string | null)[]): Promise<DirectoryPerson[]> {
    const found = await Promise.all(ids.filter((id): id is string => !!id).map((id) => this.directory.findPerson(id)));
    return found.filter((p): p is DirectoryPerson => !!p);
  }

  private async actionOwner(
    incidentId: string,
    actionId: string | undefined,
    tx: EntityManager,
  ): Promise<string | null> {
    const [row]: { owner: string | null }[] = await tx.query(
      `SELECT a->>'ownerId' AS owner FROM incidents, jsonb_array_elements(detail #> '{lessons,actions}') a
        WHERE id = $1 AND a->>'id' = $2`,
      [incidentId, actionId ?? ''],
    );
    return row?.owner ?? null;
  }

  /** The incident's owner, or the DPO (or deputy) while nobody has taken it. */
  private async owner(incidentId: string, tx: EntityManager): Promise<DirectoryPerson[]> {
    const [row]: { owner_id: string | null }[] = await tx.query('SELECT owner_id FROM incidents WHERE id = $1', [
      incidentId,
    ]);
    const owner = row?.owner_id ? await this.directory.findPerson(row.owner_id) : undefined;
    return owner ? [owner] : this.directory.dpoOrDeputy();
  }
}

function dedupe(people: DirectoryPerson[]): DirectoryPerson[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}
