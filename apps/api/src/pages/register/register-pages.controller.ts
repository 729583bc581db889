import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '#libs/auth';
import { type FullRegisterRow, type RegisterRow, RegisterService, registerViewFor } from '#libs/register';
import { DomainError } from '#libs/shared';
import { ROOT_CAUSE_LABELS, STATUS_LABELS } from '../view/labels';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { OUTCOME_LABELS } from './charts';
import { pagePeriod } from './period';

/** How many rows the page shows: the latest; the downloads hold them all. */
export const REGISTER_PAGE_ROWS = 200;

/** The Art. 33(5) register as a page: the latest rows of a period, and the downloads. */
@UseFilters(PageErrorFilter)
@Controller()
export class RegisterPagesController {
  constructor(
    private readonly register: RegisterService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('register')
  @Roles('dpo', 'governance', 'emt', 'auditor')
  async registerPage(@Req() req: PageRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const actor = actorOf(req);
    const period = pagePeriod(query, this.pages.now());
    // As the JSON API: the full register for the DPO and Governance, the anonymised one for the EMT and audit.
    const view = registerViewFor(actor.roles);
    if (!view) throw new DomainError('forbidden', 'Your role may not read the register.', 'forbidden');
    let latest: RegisterRow[] = [];
    let total = 0;
    for await (const page of this.register.pages(period.filter, view, actor)) {
      total += page.length;
      latest = [...latest, ...page].slice(-REGISTER_PAGE_ROWS);
    }
    const rows = latest.reverse().map((row) => ({
      reference: row.reference,
      entityId: row.entityId,
      reportedAt: row.reportedAt,
      status: STATUS_LABELS[row.status] ?? row.status,
      outcome: OUTCOME_LABELS[row.outcome],
      within72h: row.icoWithin72h === null ? '–' : row.icoWithin72h ? 'Yes' : 'No',
      rootCause: row.rootCause ? (ROOT_CAUSE_LABELS[row.rootCause] ?? row.rootCause) : '–',
      summary: view === 'full' ? (row as FullRegisterRow).summary : undefined,
    }));
    this.pages.render(req, res, 'register', {
      title: 'Breach register',
      period,
      full: view === 'full',
      rows,
      total,
      limited: total > rows.length,
      csvHref: `/api/v1/register?format=csv&${period.apiQuery}`,
      jsonHref: `/api/v1/register?format=json&${period.apiQuery}`,
    });
  }
}
