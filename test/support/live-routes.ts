import type { INestApplication } from '@nestjs/common';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the running app answers, as `METHOD /path` (Express 5 route syntax), read from
 * the Express router itself so that a route added tomorrow shows up here without anyone
 * listing it. Nest's middleware mount (`{/*splat}`, every method) is not a route of its own.
 */
export function liveRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route || layer.route.path.includes('*')) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on) routes.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return [...routes].sort();
}

/** `/api/v1/incidents/:id` with `{ id: 'x' }` → `/api/v1/incidents/x`; values are used as given (already encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`No value for :${name} in ${path}`);
    return params[name];
  });
}

export const paramNames = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** The JSON API and the operational endpoints answer `{ code, message }`; everything else is a page. */
export const isPageRoute = (path: string): boolean => !/^\/(api\/|health\/|metrics$)/.test(path);
