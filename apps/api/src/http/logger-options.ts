import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '#libs/config';

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: string } };

/**
 * The route template (`/api/v1/incidents/:id`), never the concrete path: someone can type a
 * name into a URL. Unmatched paths are not logged at all.
 */
function routeOf(req: RoutedRequest): string {
  return req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : '(unmatched)';
}

/**
 * Request logs carry method, route template (no query string), status and timing only: no headers,
 * no bodies, no query parameters and no concrete path, so no token and no personal data can
 * reach a log line.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      serializers: {
        req: (req: IncomingMessage & { id?: unknown; raw?: RoutedRequest }) => ({
          id: req.id,
          method: req.method,
          route: routeOf(req.raw ?? (req as RoutedRequest)),
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: (err: Error) => ({ type: err.name }),
      },
      customSuccessMessage: () => 'request completed',
      customErrorMessage: () => 'request failed',
    },
  };
}
