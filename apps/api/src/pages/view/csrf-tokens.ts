import { Inject, Injectable } from '@nestjs/common';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { sessionCookie, sessionSecret } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';

/**
 * Signed double-submit CSRF tokens (csrf-csrf), bound to the session cookie, so a token
 * taken from one session is worthless in another. Every form carries one as `_csrf`.
 */
@Injectable()
export class CsrfTokens {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const session = sessionCookie(config);
    const secret = sessionSecret(config);
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => (req.cookies as Record<string, string | undefined>)[session.name] ?? '',
      cookieName: session.secure ? '__Host-bd_csrf' : 'bd_csrf',
      cookieOptions: { sameSite: 'lax', secure: session.secure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
    });
  }

  token(req: Request, res: Response): string {
    return this.csrf.generateCsrfToken(req, res);
  }

  valid(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }
}
