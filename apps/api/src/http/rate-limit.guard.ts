import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Principal } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { DomainError } from '#libs/shared';
import { REDIS } from '../redis.provider';

type Bucket = 'reports' | 'sign-in';
const BUCKET_KEY = 'breach-desk:rate-limit';
const WINDOW_S = 60;

/**
 * A fixed one-minute window per caller, counted in Redis so every API replica shares it.
 * The caller is the signed-in principal, or the client address before sign-in; either is
 * hashed before it becomes part of a Redis key.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<Bucket>(BUCKET_KEY, context.getHandler());
    const limit =
      bucket === 'reports' ? this.config.RATE_LIMIT_REPORTS_PER_MINUTE : this.config.RATE_LIMIT_SIGN_IN_PER_MINUTE;
    const request = context.switchToHttp().getRequest<{ principal?: Principal; ip?: string }>();
    const subject = createHash('sha256')
      .update(request.principal?.id ?? request.ip ?? 'unknown')
      .digest('hex')
      .slice(0, 32);
    const now = Date.now() / 1000;
    const window = Math.floor(now / WINDOW_S);
    const key = `${this.config.REDIS_PREFIX}:rl:${bucket}:${subject}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_S * 2)
      .exec()) as [[null, number]];
    if (count <= limit) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil((window + 1) * WINDOW_S - now));
    throw new DomainError('rate_limited', 'Too many requests: wait a moment and try again.', 'rate-limited', {
      retryAfterSeconds,
    });
  }
}

/** Limits a route to the configured number of calls per minute per caller. */
export const RateLimit = (bucket: Bucket) =>
  applyDecorators(SetMetadata(BUCKET_KEY, bucket), UseGuards(RateLimitGuard));
