import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { isRole } from '#libs/directory';
import type { Principal } from './principal';

/** A signed-in person using the pages: who, and the name the header shows. */
export interface WebSession {
  principal: Principal;
  displayName: string;
}

interface SessionRow {
  person_id: string;
  roles: string[];
  partner_id: string | null;
  display_name: string;
  stale: boolean;
}

/** The cookie carries a random id; PostgreSQL keeps only its hash, so the table cannot sign anyone in. */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

/** Refreshing the idle expiry on every request would write on every page view; once a minute is enough. */
const TOUCH_AFTER_SECONDS = 60;

/** Server-side page sessions in PostgreSQL, so any API replica can serve any request. */
@Injectable()
export class SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return Math.round(this.config.SESSION_TTL_HOURS * 3600);
  }

  /** Starts a session and returns the id for the cookie; the id itself is never stored. */
  async create(session: WebSession): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const { principal } = session;
    // Expired rows are only ever deleted here: sign-ins are rare enough to carry the clean-up.
    await this.dataSource.query('DELETE FROM web_sessions WHERE expires_at < now()');
    await this.dataSource.query(
      `INSERT INTO web_sessions (id_hash, person_id, roles, partner_id, display_name, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [hashSessionId(id), principal.id, principal.roles, principal.partnerId, session.displayName, this.ttlSeconds],
    );
    return id;
  }

  /** The live session for a cookie value, its idle expiry pushed back; undefined when expired or unknown. */
  async find(id: string): Promise<WebSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const hash = hashSessionId(id);
    const [row]: SessionRow[] = await this.dataSource.query(
      `SELECT person_id, roles, partner_id, display_name,
              last_seen_at < now() - make_interval(secs => $2) AS stale
         FROM web_sessions WHERE id_hash = $1 AND expires_at > now()`,
      [hash, TOUCH_AFTER_SECONDS],
    );
    if (!row) return undefined;
    if (row.stale) {
      await this.dataSource.query(
        `UPDATE web_sessions SET last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
          WHERE id_hash = $1`,
        [hash, this.ttlSeconds],
      );
    }
    const roles = row.roles.filter(isRole);
    if (roles.length === 0) return undefined;
    return { principal: { id: row.person_id, roles, partnerId: row.partner_id }, displayName: row.display_name };
  }

  async destroy(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM web_sessions WHERE id_hash = $1', [hashSessionId(id)]);
  }
}
