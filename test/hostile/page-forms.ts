import type { TestApi } from '../support/api';
import type { PageSession } from '../support/page-session';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The fields of every form on these pages, keyed by the route each form posts to
 * (`POST /incidents/:id/information` → `['note']`), as people's browsers would send them.
 */
export async function renderedForms(
  api: TestApi,
  visits: { session: PageSession | undefined; url: string }[],
): Promise<Map<string, string[]>> {
  const forms = new Map<string, string[]>();
  for (const { session, url } of visits) {
    const req = api.http.get(url);
    const html = (await (session ? req.set('Cookie', session.cookie) : req)).text;
    for (const [, action, inner] of html.matchAll(/<form[^>]*action="([^"#?]*)[^"]*"[^>]*>([\s\S]*?)<\/form>/g)) {
      const fields = [...inner.matchAll(/name="([^"]+)"/g)].map((m) => m[1]).filter((n) => n !== '_csrf');
      const route = `POST ${action.replace(UUID, ':id')}`;
      forms.set(route, [...new Set([...(forms.get(route) ?? []), ...fields])]);
    }
  }
  return forms;
}
