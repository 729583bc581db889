import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '#libs/persistence';
import { DomainError, DomainErrorKind } from '#libs/shared';

const STATUS: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  rule: 422,
  forbidden: 403,
  unauthenticated: 401,
  invalid: 400,
  'rate-limited': 429,
};

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/**
 * Every error leaves as `{ code, message, details? }`. Domain errors carry their own code;
 * framework errors get one; anything unexpected is a 500 whose body says nothing about
 * the cause and whose log line names only the error's class (messages can quote data).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    if (status >= 500) this.logger.error(`unhandled ${error instanceof Error ? error.name : typeof error}`);
    const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if ((status === 429 || status === 503) && retryAfter) response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json(body);
  }

  private describe(error: unknown): [number, ErrorBody] {
    if (error instanceof DomainError) {
      return [STATUS[error.kind], { code: error.code, message: error.message, details: error.details }];
    }
    if (error instanceof HttpException) return this.fromHttpException(error);
    if (isDatabaseUnavailable(error)) {
      const body = {
        code: 'database_unavailable',
        message: 'The database is briefly unavailable. Nothing was changed: try again.',
      };
      return [503, { ...body, details: { retryAfterSeconds: 2 } }];
    }
    return [500, { code: 'internal_error', message: 'Something went wrong on our side. Nothing was changed.' }];
  }

  /**
   * Framework messages are not passed through: a JSON parse error quotes the body it choked
   * on. Validation messages are, because they name properties and rules, never values.
   */
  private fromHttpException(error: HttpException): [number, ErrorBody] {
    const status = error.getStatus();
    const response = error.getResponse() as { message?: unknown };
    if (status === HttpStatus.BAD_REQUEST && Array.isArray(response.message)) {
      return [400, { code: 'validation_failed', message: 'The request is not valid.', details: response.message }];
    }
    if ((error.cause as { type?: string } | undefined)?.type === 'entity.parse.failed') {
      return [400, { code: 'malformed_json', message: 'The request body is not valid JSON.' }];
    }
    const known: Record<number, ErrorBody> = {
      404: { code: 'route_not_found', message: 'There is no such route.' },
      413: { code: 'payload_too_large', message: 'The request body is larger than the service accepts.' },
    };
    const fallback = {
      code: status >= 500 ? 'internal_error' : 'bad_request',
      message: STATUS_CODES[status] ?? 'The request could not be handled.',
    };
    return [status, known[status] ?? fallback];
  }
}
