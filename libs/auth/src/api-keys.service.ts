import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/shared';
import type { Principal } from './principal';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface ApiKeyInfo {
  id: string;
  partnerId: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * API keys for partner organisations (policy §6.8). A key is `bdk_<id>_<secret>`: shown once,
 * stored as a SHA-256 of the secret (the secret is 256 random bits, so no slow hash is
 * needed), revocable, scoped to its organisation, with its last use recorded.
 */
@Injectable()
export class ApiKeysService {
  constructor(private readonly dataSource: DataSource) {}

  async issue(partnerId: string, label: string, createdBy: string): Promise<ApiKeyInfo & { key: string }> {
    const [partner] = await this.dataSource.query('SELECT 1 FROM partners WHERE id = $1', [partnerId]);
    if (!partner) throw new NotFoundError('partner');
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      'INSERT INTO partner_api_keys (id, partner_id, label, key_hash, created_by) VALUES ($1, $2, $3, $4, $5)',
      [id, partnerId, label, hash(secret), createdBy],
    );
    return { ...(await this.get(id)), key: `bdk_${id.replaceAll('-', '')}_${secret}` };
  }

  list(partnerId: string): Promise<ApiKeyInfo[]> {
    return this.dataSource.query(`${SELECT} WHERE partner_id = $1 ORDER BY created_at`, [partnerId]);
  }

  async revoke(partnerId: string, id: string): Promise<ApiKeyInfo> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      'UPDATE partner_api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND partner_id = $2 RETURNING id',
      [id, partnerId],
    );
    if (!rows.length) throw new NotFoundError('api_key');
    return this.get(id);
  }

  /** The partner a presented key speaks for, or undefined for a wrong, unknown or revoked key. */
  async authenticate(presented: string): Promise<Principal | undefined> {
    const match = /^bdk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!match) return undefined;
    const id = match[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const [row]: { partner_id: string; key_hash: string }[] = await this.dataSource.query(
      'SELECT partner_id, key_hash FROM partner_api_keys WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
    if (!row || !timingSafeEqual(Buffer.from(row.key_hash), Buffer.from(hash(match[2])))) return undefined;
    // At most one write a minute per key, so a busy partner does not turn reads into writes.
    await this.dataSource.query(
      `UPDATE partner_api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
    return { id, roles: ['partner'], partnerId: row.partner_id };
  }

  private async get(id: string): Promise<ApiKeyInfo> {
    const [row]: ApiKeyInfo[] = await this.dataSource.query(`${SELECT} WHERE id = $1`, [id]);
    return row;
  }
}

const SELECT = `SELECT id, partner_id AS "partnerId", label, created_at AS "createdAt", revoked_at AS "revokedAt",
                       last_used_at AS "lastUsedAt" FROM partner_api_keys`;
