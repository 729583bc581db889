import { z } from 'zod';

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** Express `trust proxy`: which proxies' X-Forwarded-For to believe (e.g. the load balancer's subnet). */
    TRUST_PROXY: z.string().default('loopback'),
    PUBLIC_URL: url(['http:', 'https:']).optional(),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/breach_desk'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, 'letters, digits, - and _ only')
      .default('bd'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    SMTP_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
    /** The DPO's telephone number printed on the ICO report and the letter to residents. */
    DPO_PHONE: z.string().min(3).max(40).default('0333 231 3233'),
    MAIL_FROM: z.string().min(3).default('Breach Desk <breach-desk@localhost>'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'like 100kb or 1mb')
      .default('100kb'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    AUTH_ISSUER: z.string().min(1).optional(),
    AUTH_AUDIENCE: z.string().min(1).default('breach-desk'),
    AUTH_JWKS_URL: url(['https:', 'http:']).optional(),
    /** First retry delay of a failed send; doubles each attempt. */
    SEND_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
    /** How long a worker's claim on a job lasts: a killed worker's job is retried after this. */
    JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    /** Reports one caller may send per minute, and sign-in attempts per client address (429 beyond). */
    RATE_LIMIT_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
    RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
    /** People sign in to the pages through OpenID Connect (code + PKCE), e.g. Entra ID's v2.0 issuer. */
    OIDC_ISSUER_URL: url(['https:', 'http:']).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Signs the CSRF tokens and the sign-in cookie; a random one per process outside production. */
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** A page session ends after this many hours without use. */
    SESSION_TTL_HOURS: z.coerce.number().min(0.25).max(24).default(8),
  })
  .superRefine((env, ctx) => {
    // In production the service is never its own token issuer.
    if (env.NODE_ENV === 'production') {
      const required = ['AUTH_ISSUER', 'AUTH_JWKS_URL', 'PUBLIC_URL', 'SMTP_URL', 'SESSION_SECRET'] as const;
      // People sign in to the pages through the identity provider: no demo sign-in in production.
      const oidc = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
      for (const key of [...required, ...oidc]) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
  });

export type AppConfig = z.infer<typeof schema> & { readonly devIssuer: boolean };

export class InvalidConfigError extends Error {}

/** Validates the environment once at boot; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new InvalidConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return { ...result.data, devIssuer: result.data.NODE_ENV !== 'production' && !result.data.AUTH_JWKS_URL };
}

/** Nest injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
