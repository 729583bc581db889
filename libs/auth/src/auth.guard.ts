import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '#libs/config';
import type { Role } from '#libs/directory';
import { DomainError } from '#libs/shared';
import { FORM_ROUTES_KEY, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { ApiKeysService } from './api-keys.service';
import type { Principal } from './principal';
import { sessionCookie } from './session-cookie';
import { SessionStore, WebSession } from './session-store';
import { TokenService, unauthenticated } from './token.service';

interface GuardedRequest {
  method: string;
  headers: Record<string, string | undefined>;
  cookies?: Record<string, string | undefined>;
  principal?: Principal;
  webSession?: WebSession;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global guard: access is denied unless a rule allows it. Public routes pass; every other
 * route needs a bearer token, or (when no Authorization header is sent) a page session
 * cookie, and one of the roles its @Roles names.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly cookieName: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
    private readonly apiKeys: ApiKeysService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookieName = sessionCookie(config).name;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const principal =
      request.headers.authorization !== undefined
        ? await this.fromBearer(request.headers.authorization)
        : await this.fromSession(request, this.reflector.getAllAndOverride<boolean>(FORM_ROUTES_KEY, targets));
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new DomainError('forbidden', 'Your role may not do this.', 'forbidden');
    }
    return true;
  }

  private async fromBearer(header: string): Promise<Principal> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() === 'apikey' && token) {
      // A partner organisation's key (policy §6.8): the partner role, scoped to that organisation.
      const partner = await this.apiKeys.authenticate(token);
      if (!partner) throw unauthenticated();
      return partner;
    }
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();
    return this.tokens.verify(token);
  }

  private async fromSession(request: GuardedRequest, formRoute: boolean | undefined): Promise<Principal> {
    const id = request.cookies?.[this.cookieName];
    if (!id) throw unauthenticated();
    // A cookie rides along on cross-site requests; only routes that check a CSRF token may act on it.
    if (!SAFE_METHODS.has(request.method) && !formRoute) throw unauthenticated();
    const session = await this.sessions.find(id);
    if (!session) throw unauthenticated();
    request.webSession = session;
    return session.principal;
  }
}
