import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { Principal } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { DirectoryService, isRole } from '#libs/directory';

/** What the browser keeps (in a signed, short-lived cookie) between leaving for the provider and coming back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/**
 * The person an ID token names. Entra ID puts the stable object id in `oid` and the app
 * roles assigned to the person in `roles`; role values are the DESIGN.md role names, and
 * any other value is ignored. No recognised role: no sign-in.
 */
export function principalFromClaims(claims: Record<string, unknown>): (Principal & { name: string }) | undefined {
  const id = typeof claims.oid === 'string' ? claims.oid : typeof claims.sub === 'string' ? claims.sub : undefined;
  const roles = Array.isArray(claims.roles) ? [...new Set(claims.roles.filter(isRole))] : [];
  if (!id || roles.length === 0) return undefined;
  const name = [claims.name, claims.preferred_username].find((v): v is string => typeof v === 'string' && v !== '');
  const partnerId = typeof claims.partner_id === 'string' ? claims.partner_id : null;
  return { id, roles, partnerId, name: name ?? 'Signed-in user' };
}

/** Sign-in for people with OpenID Connect: authorisation code with PKCE, against the group's provider. */
@Injectable()
export class OidcSignIn {
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER_URL && this.config.OIDC_CLIENT_ID);
  }

  private get redirectUri(): string {
    const base = this.config.PUBLIC_URL ?? `http://${this.config.HOST}:${this.config.PORT}`;
    return new URL('/auth/callback', base).toString();
  }

  /** Discovered once; a failure is forgotten so the next sign-in tries again. */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.OIDC_ISSUER_URL!),
        this.config.OIDC_CLIENT_ID!,
        this.config.OIDC_CLIENT_SECRET,
        undefined,
        {
          // Only a development provider on http (never in production: the config requires https there).
          // The ID token's signature is checked against the provider's keys too, not only the
          // TLS connection it came over (OIDC Core 3.1.3.7 allows either): a forged token fails.
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(this.config.OIDC_ISSUER_URL!.startsWith('http:') ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  async start(next: string): Promise<{ url: string; pending: PendingSignIn }> {
    const configuration = await this.discover();
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      next,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.toString(), pending };
  }

  /** Checks the provider's answer (state, nonce, PKCE, ID token) and says who signed in. */
  async finish(query: string, pending: PendingSignIn): Promise<(Principal & { name: string }) | undefined> {
    const configuration = await this.discover();
    const current = new URL(this.redirectUri);
    current.search = query;
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const person = principalFromClaims(tokens.claims() ?? {});
    if (!person) return undefined;
    const known = await this.directory.findPerson(person.id).catch(() => undefined);
    return { ...person, name: known?.displayName ?? person.name };
  }
}
