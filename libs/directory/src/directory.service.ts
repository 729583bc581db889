import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from './roles';

export interface DirectoryPerson {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  entityId: string | null;
  partnerId: string | null;
}

interface PersonRow {
  id: string;
  display_name: string;
  email: string;
  roles: Role[];
  entity_id: string | null;
  partner_id: string | null;
}

const toPerson = (r: PersonRow): DirectoryPerson => ({
  id: r.id,
  displayName: r.display_name,
  email: r.email,
  roles: r.roles,
  entityId: r.entity_id,
  partnerId: r.partner_id,
});

/** Who is who: the group's entities, people and partners, as PostgreSQL holds them. */
@Injectable()
export class DirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  async entityExists(entityId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM group_entities WHERE id = $1', [entityId]);
    return rows.length > 0;
  }

  async entityName(entityId: string): Promise<string | undefined> {
    const rows: { name: string }[] = await this.dataSource.query('SELECT name FROM group_entities WHERE id = $1', [
      entityId,
    ]);
    return rows[0]?.name;
  }

  async externalControllerIds(ids: string[]): Promise<Map<string, { name: string; notifyWithinHours: number }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string; notify_within_hours: number }[] = await this.dataSource.query(
      'SELECT id, name, notify_within_hours FROM external_controllers WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, notifyWithinHours: r.notify_within_hours }]));
  }

  async findPerson(id: string): Promise<DirectoryPerson | undefined> {
    const rows: PersonRow[] = await this.dataSource.query(
      'SELECT id, display_name, email, roles, entity_id, partner_id FROM people WHERE id = $1 AND active',
      [id],
    );
    return rows[0] && toPerson(rows[0]);
  }

  /**
   * The DPO, or when the DPO is marked absent their deputy, and failing that the Head of
   * Governance (policy §13.10–13.11).
   */
  async dpoOrDeputy(): Promise<DirectoryPerson[]> {
    const dpo = await this.people(`'dpo' = ANY(p.roles) AND NOT p.absent`);
    if (dpo.length) return dpo;
    const deputies = await this.people(
      `NOT p.absent AND p.id IN (SELECT deputy_id FROM people WHERE 'dpo' = ANY(roles) AND active AND deputy_id IS NOT NULL)`,
    );
    return deputies.length ? deputies : this.governance();
  }

  governance(): Promise<DirectoryPerson[]> {
    return this.people(`'governance' = ANY(p.roles) AND NOT p.absent`);
  }

  emtOnDuty(): Promise<DirectoryPerson[]> {
    return this.people('p.emt_on_duty');
  }

  private async people(where: string): Promise<DirectoryPerson[]> {
    const rows: PersonRow[] = await this.dataSource.query(
      `SELECT id, display_name, email, roles, entity_id, partner_id FROM people p WHERE p.active AND ${where} ORDER BY id`,
    );
    return rows.map(toPerson);
  }

  /** Everyone named, everyone holding one of the roles, and everyone in one of the entities. */
  async resolveGroups(to: { personIds: string[]; roles: string[]; entityIds: string[] }): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM people WHERE active AND (id = ANY($1::uuid[]) OR roles && $2::text[] OR entity_id = ANY($3::text[]))
       ORDER BY id`,
      [to.personIds, to.roles, to.entityIds],
    );
    return rows.map((r) => r.id);
  }

  /** The partner organisations (contractors, data-sharing partners: policy §6.8), by name. */
  listPartners(): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query('SELECT id, name FROM partners ORDER BY name');
  }

  async listPeople(): Promise<DirectoryPerson[]> {
    const rows: PersonRow[] = await this.dataSource.query(
      'SELECT id, display_name, email, roles, entity_id, partner_id FROM people WHERE active ORDER BY display_name',
    );
    return rows.map(toPerson);
  }
}
