import { personId, Who } from './api';

export interface RemoteResponse {
  status: number;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RecordedError {
  request: string;
  status: number;
  text: string;
}

/**
 * The API of a real process, over real HTTP. Signs demo people in against that process (each
 * process mints its own keys) and keeps every error response it received, to be inspected later.
 */
export class RemoteApi {
  readonly errors: RecordedError[] = [];
  private readonly tokens = new Map<Who, string>();

  constructor(readonly base: string) {}

  async token(who: Who): Promise<string> {
    if (!this.tokens.has(who)) {
      const res = await this.send('POST', '/api/v1/dev/sign-in', { body: { personId: personId(who) } });
      if (res.status !== 200) throw new Error(`Sign-in as ${who} failed: ${res.status} ${res.text}`);
      this.tokens.set(who, res.body.accessToken as string);
    }
    return this.tokens.get(who)!;
  }

  async as(who: Who, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.send(method, path, { body, headers: { authorization: `Bearer ${await this.token(who)}`, ...headers } });
  }

  /**
   * Like `as`, but the call must succeed: a failure stops the test with what the service said.
   * Without If-Match a command may still meet a 409 when the worker records an event on the same
   * incident at that moment (a delivery, a timer); a person would simply send it again, and so does this.
   */
  async ok(who: Who, method: string, path: string, body?: unknown): Promise<RemoteResponse> {
    let res = await this.as(who, method, path, body);
    for (let retry = 0; retry < 5 && res.status === 409 && res.body?.code === 'concurrent_change'; retry++) {
      this.errors.pop();
      res = await this.as(who, method, path, body);
    }
    if (res.status >= 300) throw new Error(`${who} ${method} ${path} → ${res.status} ${res.text.slice(0, 500)}`);
    return res;
  }

  async send(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<RemoteResponse> {
    const hasBody = options.raw !== undefined || options.body !== undefined;
    const res = await fetch(this.base + path, {
      method,
      headers: { ...(hasBody && { 'content-type': 'application/json' }), ...options.headers },
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      redirect: 'manual',
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (res.status >= 400) this.errors.push({ request: `${method} ${path}`, status: res.status, text });
    return { status: res.status, text, body };
  }
}
