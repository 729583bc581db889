import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal, WebSession } from '#libs/auth';
import type { Role } from '#libs/directory';
import { Clock } from '#libs/shared';
import { assetVersion } from './view-engine';
import { CsrfTokens } from './csrf-tokens';

export type PageRequest = Request & { principal?: Principal; webSession?: WebSession };

interface NavLink {
  href: string;
  text: string;
  roles: Role[];
}

const NAV: NavLink[] = [
  { href: '/queue', text: 'Queue', roles: ['dpo', 'governance', 'emt', 'auditor'] },
  { href: '/reports/new', text: 'Report a breach', roles: ['colleague', 'partner', 'dpo', 'governance', 'emt'] },
  { href: '/reports', text: 'My reports', roles: ['colleague', 'partner'] },
  { href: '/lessons', text: 'Lessons learnt', roles: ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor'] },
  { href: '/admin/people', text: 'Directory', roles: ['admin'] },
  { href: '/admin/escalation-policy', text: 'Escalation policy', roles: ['admin', 'dpo', 'governance', 'auditor'] },
  { href: '/admin/webhooks', text: 'Webhooks', roles: ['admin'] },
  { href: '/admin/partners', text: 'Partner API keys', roles: ['admin'] },
  { href: '/trends', text: 'Trends', roles: ['dpo', 'governance', 'emt', 'auditor'] },
  { href: '/register', text: 'Register', roles: ['dpo', 'governance', 'emt', 'auditor'] },
];

/** The actor a page passes to commands and queries: id, roles, partner; nothing else. */
export function actorOf(req: PageRequest): Principal {
  const p = req.principal;
  if (!p) throw new Error('actorOf used on a public page');
  return { id: p.id, roles: p.roles, partnerId: p.partnerId };
}

/** Renders a page inside the layout, with the signed-in person, their menu and a CSRF token. */
@Injectable()
export class PageRenderer {
  private readonly logger = new Logger('Pages');

  constructor(
    private readonly csrf: CsrfTokens,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  render(
    req: PageRequest,
    res: Response,
    view: string,
    context: { title: string; [key: string]: unknown },
    status = 200,
  ): void {
    const session = req.webSession;
    const roles = session?.principal.roles ?? [];
    const nav = NAV.filter((link) => link.roles.some((r) => roles.includes(r))).map((link) => ({
      ...link,
      current: req.path === link.href,
    }));
    // Pages show breach details: never kept by a shared computer's browser cache or a proxy.
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).render(
      view,
      {
        ...context,
        csrfToken: this.csrf.token(req, res),
        user: session && { name: session.displayName },
        nav,
        assetVersion,
      },
      (error: Error | null, html?: string) => {
        if (!error) return void res.send(html);
        this.logger.error(`page ${view} failed to render: ${error.name}`);
        res.status(500).type('text/plain').send('Something went wrong on our side. Nothing was changed.');
      },
    );
  }
}
