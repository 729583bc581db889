import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '#libs/shared';
import { PageRenderer, PageRequest } from './page-renderer';

interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

const NOT_FOUND: ErrorPage = {
  status: 404,
  title: 'Page not found',
  message: 'There is nothing here, or it is not yours to see. Check the address, or go back to your list.',
};

/** Where a page may send someone back to after sign-in: a path on this site, never elsewhere. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

/**
 * Errors on pages become pages: not signed in → the sign-in page (then back here), not
 * yours or not there → 404, your role may not → 403, anything else → 500 saying nothing
 * was changed. Forms handle their own validation and rule refusals, keeping what was typed.
 */
@Injectable()
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  constructor(private readonly pages: PageRenderer) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<PageRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError && error.kind === 'unauthenticated') {
      const next = req.method === 'GET' ? req.originalUrl : '/';
      return res.redirect(303, `/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`);
    }
    const page = this.describe(error);
    if (page.status >= 500) this.logger.error(`page failed: ${error instanceof Error ? error.name : typeof error}`);
    this.pages.render(req, res, 'error', { ...page }, page.status);
  }

  private describe(error: unknown): ErrorPage {
    if (error instanceof DomainError) {
      if (error.kind === 'not-found') return NOT_FOUND;
      if (error.code === 'csrf_failed') {
        return {
          status: 403,
          title: 'The form has expired',
          message: 'For your security the form could not be accepted. Go back, reload the page and send it again.',
        };
      }
      if (error.kind === 'forbidden') {
        return { status: 403, title: 'You cannot do this', message: 'Your role does not allow this page or action.' };
      }
      return { status: 400, title: 'That could not be done', message: error.message };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return NOT_FOUND;
      if (status === 413) return { status, title: 'Too much text', message: 'The form was larger than we accept.' };
      if (status < 500) return { status, title: 'That could not be done', message: 'The request was not valid.' };
    }
    return {
      status: 500,
      title: 'Sorry, something went wrong',
      message: 'Something went wrong on our side. Nothing was changed. Try again in a few minutes.',
    };
  }
}
