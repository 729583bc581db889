import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  JSONWebKeySet,
  jwtVerify,
  JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { isRole } from '#libs/directory';
import { DomainError } from '#libs/shared';
import type { Principal } from './principal';

const DEV_ISSUER = 'breach-desk-dev';
const DEV_TOKEN_TTL = '8h';

export const unauthenticated = () =>
  new DomainError('unauthenticated', 'Sign in: a valid bearer token is required.', 'unauthenticated');

/**
 * Verifies bearer JWTs against the identity provider's JWKS (issuer and audience checked).
 * Outside production with no JWKS configured, the service is its own issuer: it makes a
 * key pair at boot and mints tokens for demo people.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private keys?: JWTVerifyGetKey;
  private signingKey?: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  private publicJwks?: JSONWebKeySet;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get issuer(): string {
    return this.config.AUTH_ISSUER ?? DEV_ISSUER;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.devIssuer) {
      this.keys = createRemoteJWKSet(new URL(this.config.AUTH_JWKS_URL!));
      return;
    }
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    this.signingKey = privateKey;
    this.publicJwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'dev', alg: 'ES256', use: 'sig' }] };
    this.keys = createLocalJWKSet(this.publicJwks);
  }

  get jwks(): JSONWebKeySet | undefined {
    return this.publicJwks;
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys!, {
        issuer: this.issuer,
        audience: this.config.AUTH_AUDIENCE,
      });
      // Entra ID puts the stable object id in `oid`; the service's own tokens use `sub`.
      const id = typeof payload.oid === 'string' ? payload.oid : payload.sub;
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      if (!id || roles.length === 0) throw unauthenticated();
      return { id, roles, partnerId: typeof payload.partner_id === 'string' ? payload.partner_id : null };
    } catch {
      throw unauthenticated();
    }
  }

  /** Development and tests only: a token for a person of the demo directory. */
  async mint(principal: Principal): Promise<string> {
    if (!this.signingKey) throw new Error('This service does not issue tokens in this configuration');
    return new SignJWT({ roles: principal.roles, partner_id: principal.partnerId ?? undefined })
      .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
      .setSubject(principal.id)
      .setIssuer(this.issuer)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_TTL)
      .sign(this.signingKey);
  }
}
