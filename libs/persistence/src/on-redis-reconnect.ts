import type Redis from 'ioredis';

/**
 * Calls `recover` every time Redis comes back after being lost (restart, failover), but not
 * on the first connection. What lived only in Redis (job schedulers, delayed jobs) may be
 * gone then, and must be rebuilt from PostgreSQL.
 */
export function onRedisReconnect(
  connection: Redis,
  recover: () => Promise<unknown>,
  onError: (e: Error) => void,
): void {
  let connectedBefore = connection.status === 'ready';
  connection.on('ready', () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    recover().catch(onError);
  });
  connection.on('error', () => undefined); // ioredis retries by itself; the processors log their own failures
}
