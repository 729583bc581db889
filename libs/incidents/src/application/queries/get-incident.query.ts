import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/shared';
import type { Actor } from '../../domain/incident.types';
import type { IncidentState } from '../../domain/incident-state';
import { canSee } from '../incident-access';
import { IncidentView, toIncidentView } from './incident-view.mapper';

export class GetIncidentQuery {
  constructor(
    readonly actor: Actor,
    readonly incidentId: string,
  ) {}
}

/** Reads the detail projection; every successful read is written to the access log. */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery, IncidentView> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, incidentId }: GetIncidentQuery): Promise<IncidentView> {
    const rows: { version: number; detail: IncidentState }[] = await this.dataSource.query(
      'SELECT version, detail FROM incidents WHERE id = $1',
      [incidentId],
    );
    const row = rows[0];
    if (!row || !canSee(actor, row.detail)) throw new NotFoundError();
    await this.dataSource.query(
      'INSERT INTO incident_access_log (incident_id, actor_id, actor_roles, action) VALUES ($1, $2, $3, $4)',
      [incidentId, actor.id, actor.roles, 'read-detail'],
    );
    return toIncidentView(row.detail, row.version, actor);
  }
}
