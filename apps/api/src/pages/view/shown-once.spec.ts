import type { Request, Response } from 'express';
import { loadConfig } from '#libs/config';
import { ShownOnce } from './shown-once';

const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'a-session-secret-of-at-least-32-characters' });

/** A browser reduced to its cookie jar: what the server sets comes back on the next request. */
function browser(session = 'session-a') {
  const jar: Record<string, string> = { bd_session: session };
  const res = {
    cookie: (name: string, value: string) => void (jar[name] = value),
    clearCookie: (name: string) => void delete jar[name],
  } as unknown as Response;
  const req = () => ({ cookies: { ...jar } }) as unknown as Request;
  return { jar, req, res };
}

describe('ShownOnce', () => {
  const once = new ShownOnce(config);

  it('hands the secret to the next page once, then never again', () => {
    const b = browser();
    once.put(b.req(), b.res, 'api-key', 'bdk_secret');
    expect(Object.values(b.jar).join()).not.toContain('bdk_secret');
    expect(once.take(b.req(), b.res, 'api-key')).toBe('bdk_secret');
    expect(once.take(b.req(), b.res, 'api-key')).toBeUndefined();
  });

  it('keeps each purpose apart', () => {
    const b = browser();
    once.put(b.req(), b.res, 'api-key', 'bdk_secret');
    once.put(b.req(), b.res, 'webhook-secret', 'whsec_secret');
    expect(once.take(b.req(), b.res, 'webhook-secret')).toBe('whsec_secret');
    expect(once.take(b.req(), b.res, 'api-key')).toBe('bdk_secret');
  });

  it('gives nothing to another session, to an altered cookie, or after five minutes', () => {
    const a = browser('session-a');
    once.put(a.req(), a.res, 'api-key', 'bdk_secret');
    const stolen = browser('session-b');
    stolen.jar['bd_once_api-key'] = a.jar['bd_once_api-key'];
    expect(once.take(stolen.req(), stolen.res, 'api-key')).toBeUndefined();

    const value = a.jar['bd_once_api-key'];
    const altered = browser('session-a');
    altered.jar['bd_once_api-key'] = `${value.slice(0, -2)}${value.at(-2) === 'A' ? 'B' : 'A'}${value.slice(-1)}`;
    expect(once.take(altered.req(), altered.res, 'api-key')).toBeUndefined();
    expect(altered.jar['bd_once_api-key']).toBeUndefined();

    jest.useFakeTimers({ now: Date.now() + 5 * 60_000 + 1 });
    try {
      expect(once.take(a.req(), a.res, 'api-key')).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});
