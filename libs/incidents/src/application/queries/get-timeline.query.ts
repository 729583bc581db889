import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/shared';
import type { Actor } from '../../domain/incident.types';
import { canSee } from '../incident-access';

export class GetTimelineQuery {
  constructor(
    readonly actor: Actor,
    readonly incidentId: string,
  ) {}
}

export interface TimelineEntry {
  version: number;
  type: string;
  actorId: string;
  at: Date;
  summary: string;
}

const AUDIT_READERS = new Set(['dpo', 'governance', 'auditor']);

/** Who did what, when; the breach team and audit also see who read the incident. */
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, incidentId }: GetTimelineQuery) {
    const owner: { reported_by: string; reporter_partner_id: string | null }[] = await this.dataSource.query(
      'SELECT reported_by, reporter_partner_id FROM incidents WHERE id = $1',
      [incidentId],
    );
    if (!owner[0] || !canSee(actor, { reportedBy: owner[0].reported_by, partnerId: owner[0].reporter_partner_id })) {
      throw new NotFoundError();
    }
    const entries: TimelineEntry[] = await this.dataSource.query(
      `SELECT version, type, actor_id AS "actorId", at AS at, summary
         FROM incident_timeline WHERE incident_id = $1 ORDER BY version`,
      [incidentId],
    );
    if (!actor.roles.some((r) => AUDIT_READERS.has(r))) return { entries };
    const reads: { actorId: string; action: string; at: Date }[] = await this.dataSource.query(
      `SELECT actor_id AS "actorId", action, at AS at
         FROM incident_access_log WHERE incident_id = $1 ORDER BY at`,
      [incidentId],
    );
    return { entries, reads };
  }
}
