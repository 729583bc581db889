import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '#libs/auth';
import { REDIS } from '../redis.provider';

type Check = { status: 'up' | 'down'; warning?: string };

/** Liveness says the process runs; readiness says it can do its work. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([this.checkPostgres(), this.checkRedis()]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }

  private async checkPostgres(): Promise<Check> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up' };
    } catch {
      return { status: 'down' };
    }
  }

  private async checkRedis(): Promise<Check> {
    try {
      await this.redis.ping();
      const [, policy] = (await this.redis.config('GET', 'maxmemory-policy')) as [string, string];
      // An evicting Redis may silently drop a delayed job: a lost ICO reminder.
      return policy === 'noeviction'
        ? { status: 'up' }
        : { status: 'up', warning: `maxmemory-policy is ${policy}; production needs noeviction` };
    } catch {
      return { status: 'down' };
    }
  }
}
