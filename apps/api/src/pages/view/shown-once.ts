import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { sessionCookie, sessionSecret } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';

const TTL_MS = 5 * 60_000;

/** What a kept secret is for; each has its own cookie, so one never displaces another. */
export type Purpose = 'webhook-secret' | 'api-key';

/**
 * A secret (a webhook's signing secret, a partner's API key) carried from the form that made it
 * to the one page that shows it, so the form can post-redirect-get and a reload shows it no more.
 * It rides in a short-lived HttpOnly cookie of its own purpose, sealed with AES-256-GCM under a
 * key derived from SESSION_SECRET and bound to the session cookie, so neither the browser's
 * cookie store nor another session can read or replay it. Reading it clears it.
 */
@Injectable()
export class ShownOnce {
  private readonly key: Buffer;
  private readonly prefix: string;
  private readonly session: string;
  private readonly options: CookieOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const session = sessionCookie(config);
    this.key = Buffer.from(hkdfSync('sha256', sessionSecret(config), '', 'breach-desk shown-once', 32));
    this.session = session.name;
    this.prefix = session.secure ? '__Host-bd_once_' : 'bd_once_';
    this.options = { ...session.options, sameSite: 'strict' };
  }

  /** Keeps the secret for the next page of this session that asks for the same purpose. */
  put(req: Request, res: Response, purpose: Purpose, secret: string): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(this.binding(req, purpose));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify({ secret, until: Date.now() + TTL_MS })),
      cipher.final(),
    ]);
    const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    res.cookie(this.prefix + purpose, value, { ...this.options, maxAge: TTL_MS });
  }

  /** The secret kept for this purpose, once: the cookie is cleared as it is read. */
  take(req: Request, res: Response, purpose: Purpose): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[this.prefix + purpose];
    if (value === undefined) return undefined;
    res.clearCookie(this.prefix + purpose, this.options);
    return typeof value === 'string' ? this.open(req, purpose, value) : undefined;
  }

  /** The secret, or undefined when the cookie was altered, is another session's, or is too old. */
  private open(req: Request, purpose: Purpose, value: string): string | undefined {
    const raw = Buffer.from(value, 'base64url');
    if (raw.length < 29) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      decipher.setAAD(this.binding(req, purpose));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { secret, until } = JSON.parse(plain) as { secret?: unknown; until?: unknown };
      return typeof secret === 'string' && typeof until === 'number' && until > Date.now() ? secret : undefined;
    } catch {
      return undefined;
    }
  }

  private binding(req: Request, purpose: Purpose): Buffer {
    const session = (req.cookies as Record<string, unknown> | undefined)?.[this.session];
    return createHash('sha256')
      .update(`${purpose}\n${typeof session === 'string' ? session : ''}`)
      .digest();
  }
}
