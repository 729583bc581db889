import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { Roles } from '#libs/auth';
import { DirectoryService } from '#libs/directory';
import * as I from '#libs/incidents';
import { timeLeft, urgency } from '../view/helpers';
import { STATUS_LABELS } from '../view/labels';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { nextStep } from './next-step';

const OPEN = ['reported', 'acknowledged', 'investigating', 'assessed', 'decided'] as const;

interface ListItem {
  id: string;
  reference: string;
  status: string;
  entityId: string;
  awareConfirmed: boolean;
  icoDeadlineAt: string;
  ownerId: string | null;
  specialCategory: boolean;
}

/** The DPO's queue: open incidents, soonest ICO deadline first. */
@UseFilters(PageErrorFilter)
@Controller()
export class QueuePagesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: PageRenderer,
    private readonly directory: DirectoryService,
  ) {}

  /** Each person starts where their work is. */
  @Get()
  @Roles('colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor', 'admin')
  home(@Req() req: PageRequest, @Res() res: Response) {
    const roles = actorOf(req).roles;
    const start = roles.some((r) => ['dpo', 'governance', 'emt', 'auditor'].includes(r))
      ? '/queue'
      : roles.includes('admin')
        ? '/admin/people'
        : '/reports';
    res.redirect(303, start);
  }

  @Get('queue')
  @Roles('dpo', 'governance', 'emt', 'auditor')
  async queue(@Req() req: PageRequest, @Res() res: Response) {
    const actor = actorOf(req);
    // The list query filters one status at a time; the open ones are merged and re-sorted by deadline.
    const pages = await Promise.all(
      OPEN.map(
        (status) =>
          this.queries.execute(new I.ListIncidentsQuery(actor, { status, page: 1, pageSize: 100 })) as Promise<{
            items: ListItem[];
          }>,
      ),
    );
    const names = new Map((await this.directory.listPeople()).map((p) => [p.id, p.displayName]));
    const now = this.pages.now();
    const rows = pages
      .flatMap((p) => p.items)
      .sort((a, b) => new Date(a.icoDeadlineAt).getTime() - new Date(b.icoDeadlineAt).getTime())
      .map((item) => ({
        ...item,
        deadline: new Date(item.icoDeadlineAt).toISOString(),
        statusText: STATUS_LABELS[item.status] ?? item.status,
        owner: item.ownerId ? (names.get(item.ownerId) ?? 'Someone no longer in the directory') : 'Nobody yet',
        next: nextStep(item),
        // Once decided, the 72 hours no longer ask for a decision: the row stops shouting.
        left: item.status === 'decided' ? 'decision recorded' : timeLeft(item.icoDeadlineAt, now),
        live: item.status !== 'decided',
        urgency: item.status === 'decided' ? 'ok' : urgency(item.icoDeadlineAt, now),
      }));
    this.pages.render(req, res, 'queue', { title: 'Open incidents', rows, generatedAt: now.toISOString() });
  }
}
