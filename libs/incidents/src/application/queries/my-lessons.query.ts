import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor } from '../../domain/incident.types';

export class MyLessonsQuery {
  constructor(readonly actor: Actor) {}
}

export interface LessonsCircular {
  incidentId: string;
  reference: string;
  rootCause: string;
  narrative: string;
  changes: string;
  circulatedAt: string;
  acknowledged: boolean;
}

/** The lessons circulars sent to the caller, newest first, with whether they have read each. */
@QueryHandler(MyLessonsQuery)
export class MyLessonsHandler implements IQueryHandler<MyLessonsQuery, LessonsCircular[]> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ actor }: MyLessonsQuery): Promise<LessonsCircular[]> {
    return this.dataSource.query(
      `SELECT id AS "incidentId", reference,
              detail #>> '{lessons,rootCause}' AS "rootCause",
              detail #>> '{lessons,narrative}' AS narrative,
              detail #>> '{lessons,changes}' AS changes,
              detail #>> '{lessons,at}' AS "circulatedAt",
              EXISTS (SELECT 1 FROM jsonb_array_elements(detail #> '{lessons,acknowledgedBy}') a
                       WHERE a->>'personId' = $1) AS acknowledged
         FROM incidents
        WHERE detail #> '{lessons,circulatedTo}' ? $1
        ORDER BY updated_at DESC
        LIMIT 200`,
      [actor.id],
    );
  }
}
