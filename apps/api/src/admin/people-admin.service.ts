import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, NotFoundError } from '#libs/shared';
import type { PersonChangeDto } from './person-change.dto';

export interface AdminPerson {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
  entityId: string | null;
  partnerId: string | null;
  absent: boolean;
  deputyId: string | null;
  emtOnDuty: boolean;
  active: boolean;
}

/** The directory as an administrator keeps it; used by the JSON admin API and the admin pages. */
@Injectable()
export class PeopleAdminService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<AdminPerson[]> {
    return this.dataSource.query(
      `SELECT id, display_name AS "displayName", email, roles, entity_id AS "entityId", partner_id AS "partnerId",
              absent, deputy_id AS "deputyId", emt_on_duty AS "emtOnDuty", active
         FROM people ORDER BY display_name`,
    );
  }

  change(
    id: string,
    dto: PersonChangeDto,
  ): Promise<{ id: string; absent: boolean; deputyId: string | null; emtOnDuty: boolean }> {
    return this.dataSource.transaction(async (tx) => {
      const [person]: { roles: string[] }[] = await tx.query('SELECT roles FROM people WHERE id = $1 FOR UPDATE', [id]);
      if (!person) throw new NotFoundError('person');
      if (dto.deputyId === id) throw new DomainError('invalid_deputy', 'Nobody can deputise for themselves.');
      if (dto.deputyId) {
        const [deputy] = await tx.query('SELECT 1 FROM people WHERE id = $1 AND active', [dto.deputyId]);
        if (!deputy) throw new DomainError('unknown_deputy', 'The deputy is not in the directory.');
      }
      if (dto.emtOnDuty && !person.roles.includes('emt')) {
        throw new DomainError('not_emt', 'Only an EMT member can be on duty.');
      }
      if (dto.emtOnDuty) await tx.query('UPDATE people SET emt_on_duty = false WHERE emt_on_duty AND id <> $1', [id]);
      await tx.query(
        `UPDATE people SET absent = coalesce($2, absent), emt_on_duty = coalesce($3, emt_on_duty),
                deputy_id = CASE WHEN $4 THEN $5::uuid ELSE deputy_id END
          WHERE id = $1`,
        [id, dto.absent ?? null, dto.emtOnDuty ?? null, dto.deputyId !== undefined, dto.deputyId ?? null],
      );
      const [updated] = await tx.query(
        `SELECT id, absent, deputy_id AS "deputyId", emt_on_duty AS "emtOnDuty" FROM people WHERE id = $1`,
        [id],
      );
      return updated;
    });
  }
}
