import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor, IncidentStatus } from '../../domain/incident.types';

export interface ListFilters {
  status?: IncidentStatus;
  entityId?: string;
  dueBefore?: string;
  page: number;
  pageSize: number;
}

export class ListIncidentsQuery {
  constructor(
    readonly actor: Actor,
    readonly filters: ListFilters,
  ) {}
}

const READ_ALL = ['dpo', 'governance', 'emt', 'auditor'];

/** The incident list, always scoped to what the caller may see, ordered by ICO deadline. */
@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, filters }: ListIncidentsQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!actor.roles.some((r) => READ_ALL.includes(r))) {
      // Colleagues see their own reports; partners their organisation's.
      if (actor.roles.includes('partner') && actor.partnerId) add('reporter_partner_id = ?', actor.partnerId);
      else add('reported_by = ?', actor.id);
    }
    if (filters.status) add('status = ?', filters.status);
    if (filters.entityId) add('entity_id = ?', filters.entityId);
    if (filters.dueBefore) add('ico_deadline_at < ?', filters.dueBefore);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM incidents ${clause}`,
      params,
    );
    const items: unknown[] = await this.dataSource.query(
      `SELECT id, reference, version, status, entity_id AS "entityId",
              reported_at AS "reportedAt", aware_at AS "awareAt",
              aware_confirmed AS "awareConfirmed", ico_deadline_at AS "icoDeadlineAt",
              owner_id AS "ownerId", special_category AS "specialCategory"
         FROM incidents ${clause}
        ORDER BY ico_deadline_at, reference
        LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`,
      params,
    );
    return { items, page: filters.page, pageSize: filters.pageSize, total };
  }
}
