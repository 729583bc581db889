import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';

/** Who the provider signs in next, as an identity provider with a live single-sign-on session would. */
export interface IdpUser {
  oid: string;
  name: string;
  roles: string[];
}

interface PendingCode {
  user: IdpUser;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
}

/**
 * A small OpenID Connect provider for the tests, speaking the protocol openid-client speaks
 * to Entra ID: discovery, an authorisation endpoint that answers at once for `nextUser`, a
 * token endpoint that checks the client secret and the PKCE verifier (S256 only, codes used
 * once), and RS256 ID tokens with `oid`, `name` and `roles` claims.
 */
export class FakeIdp {
  nextUser: IdpUser | undefined;
  /** Lets a test answer the callback with a state the client never sent. */
  tamperState = false;
  /** Lets a test spoil one part of the ID token the client must check. */
  tamperIdToken: 'signature' | 'audience' | 'issuer' | 'nonce' | 'expired' | undefined;
  readonly authorizeRequests: URLSearchParams[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private server!: Server;
  private signingKey!: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  /** A key the JWKS does not publish, for a forged signature. */
  private strangerKey!: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  private publicJwk!: JWK;
  issuer = '';

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.signingKey = privateKey;
    this.strangerKey = (await generateKeyPair('RS256')).privateKey;
    this.publicJwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    if (url.pathname === '/.well-known/openid-configuration') return json(res, 200, this.discovery());
    if (url.pathname === '/jwks') return json(res, 200, { keys: [this.publicJwk] });
    if (url.pathname === '/authorize') return this.authorize(url.searchParams, res);
    if (url.pathname === '/token' && req.method === 'POST') return this.token(req, res);
    json(res, 404, { error: 'not_found' });
  }

  private discovery() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      jwks_uri: `${this.issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile'],
    };
  }

  private authorize(params: URLSearchParams, res: ServerResponse): void {
    this.authorizeRequests.push(params);
    const redirectUri = params.get('redirect_uri') ?? '';
    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state) back.searchParams.set('state', this.tamperState ? `${state}x` : state);
    const refuse = (error: string) => {
      back.searchParams.set('error', error);
      redirect(res, back);
    };
    if (params.get('client_id') !== this.clientId || params.get('response_type') !== 'code') {
      return refuse('unauthorized_client');
    }
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      return refuse('invalid_request');
    }
    if (!this.nextUser) return refuse('access_denied');
    const code = randomBytes(16).toString('base64url');
    this.codes.set(code, {
      user: this.nextUser,
      clientId: this.clientId,
      redirectUri,
      codeChallenge: params.get('code_challenge')!,
      nonce: params.get('nonce') ?? undefined,
    });
    back.searchParams.set('code', code);
    redirect(res, back);
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await body(req));
    this.tokenRequests.push(form);
    const [basicId, basicSecret] = basicCredentials(req.headers.authorization);
    const clientId = basicId ?? form.get('client_id');
    const secret = basicSecret ?? form.get('client_secret');
    if (clientId !== this.clientId || secret !== this.clientSecret) return json(res, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      !pending ||
      form.get('grant_type') !== 'authorization_code' ||
      form.get('redirect_uri') !== pending.redirectUri ||
      challenge !== pending.codeChallenge
    ) {
      return json(res, 400, { error: 'invalid_grant' });
    }
    const tamper = this.tamperIdToken;
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({
      oid: pending.user.oid,
      name: pending.user.name,
      roles: pending.user.roles,
      ...(pending.nonce ? { nonce: tamper === 'nonce' ? `${pending.nonce}x` : pending.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(tamper === 'issuer' ? `${this.issuer}/someone-else` : this.issuer)
      .setAudience(tamper === 'audience' ? 'another-client' : this.clientId)
      .setSubject(`pairwise-${pending.user.oid}`)
      .setIssuedAt(tamper === 'expired' ? now - 3600 : now)
      .setExpirationTime(tamper === 'expired' ? now - 1800 : now + 300)
      .sign(tamper === 'signature' ? this.strangerKey : this.signingKey);
    json(res, 200, {
      access_token: randomBytes(16).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    });
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function redirect(res: ServerResponse, to: URL): void {
  res.writeHead(302, { location: to.toString() });
  res.end();
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function basicCredentials(header: string | undefined): [string?, string?] {
  if (!header?.startsWith('Basic ')) return [];
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return [decodeURIComponent(decoded.slice(0, at)), decodeURIComponent(decoded.slice(at + 1))];
}
