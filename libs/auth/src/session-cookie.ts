import { randomBytes } from 'node:crypto';
import type { CookieOptions } from 'express';
import type { AppConfig } from '#libs/config';

/**
 * Secure wherever people reach the service over HTTPS (always in production). `__Host-` pins
 * the cookie to this host and path `/`, so a sibling subdomain cannot plant one. SameSite=Lax,
 * not Strict: people arrive from a link in a notification email and must land signed in;
 * forms are protected by CSRF tokens, and the JSON API takes a cookie for reads only.
 */
export function sessionCookie(config: AppConfig): { name: string; options: CookieOptions; secure: boolean } {
  const secure = config.NODE_ENV === 'production' || (config.PUBLIC_URL ?? '').startsWith('https:');
  return {
    name: secure ? '__Host-bd_session' : 'bd_session',
    secure,
    options: { httpOnly: true, secure, sameSite: 'lax', path: '/' },
  };
}

const processSecret = randomBytes(32).toString('hex');

/**
 * Signs CSRF tokens and the sign-in cookie. Production requires SESSION_SECRET (the same on
 * every replica); elsewhere a secret per process will do: a restart only expires open forms.
 */
export function sessionSecret(config: AppConfig): string {
  return config.SESSION_SECRET ?? processSecret;
}
