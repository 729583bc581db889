import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '#libs/shared';
import { CsrfTokens } from './csrf-tokens';

export const csrfRefused = () =>
  new DomainError('csrf_failed', 'The form had expired or did not come from this service.', 'forbidden');

/** Every write through a page must carry the form's CSRF token. Runs after sign-in is checked. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly tokens: CsrfTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    if (!this.tokens.valid(request)) throw csrfRefused();
    return true;
  }
}
