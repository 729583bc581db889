import Redis from 'ioredis';

/** Every key under `prefix:` with its whole value as text (strings, hashes, lists, sets, sorted sets, streams). */
export async function dumpRedis(url: string, prefix: string): Promise<{ key: string; type: string; value: string }[]> {
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    const dump = [];
    for (const key of keys) {
      const type = await redis.type(key);
      const value: unknown =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? await redis.hgetall(key)
            : type === 'list'
              ? await redis.lrange(key, 0, -1)
              : type === 'set'
                ? await redis.smembers(key)
                : type === 'zset'
                  ? await redis.zrange(key, 0, -1, 'WITHSCORES')
                  : type === 'stream'
                    ? await redis.xrange(key, '-', '+')
                    : null;
      dump.push({ key, type, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
    return dump;
  } finally {
    redis.disconnect();
  }
}
