import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '#libs/auth';
import { OUTCOMES, TrendsService } from '#libs/register';
import { ROOT_CAUSE_LABELS } from '../view/labels';
import { PageErrorFilter } from '../view/page-error.filter';
import { PageRenderer, PageRequest } from '../view/page-renderer';
import { HOURS_LABELS, hoursChart, icoChart, monthLabel, monthlyChart, OUTCOME_LABELS, rootCauseChart } from './charts';
import { pagePeriod } from './period';

const rootCauseLabel = (c: string) => (c === 'not-recorded' ? 'Not recorded yet' : (ROOT_CAUSE_LABELS[c] ?? c));
const hours = (n: number | null) => (n === null ? '–' : (Math.round(n * 10) / 10).toString());

/** The executive team's trends: charts drawn on the server as SVG, each with a table of the same numbers. */
@UseFilters(PageErrorFilter)
@Controller()
export class TrendsPagesController {
  constructor(
    private readonly trendsService: TrendsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('trends')
  @Roles('dpo', 'governance', 'emt', 'auditor')
  async trends(@Req() req: PageRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const period = pagePeriod(query, this.pages.now());
    const trends = await this.trendsService.trends(period.filter);
    const share = trends.ico.shareWithin72h;
    this.pages.render(req, res, 'trends', {
      title: 'Trends',
      period,
      outcomes: OUTCOMES.map((o) => OUTCOME_LABELS[o]),
      totals: { ...trends.totals, cells: OUTCOMES.map((o) => trends.totals[o]) },
      months: trends.byMonth.map((m) => ({
        month: m.month,
        label: monthLabel(m.month),
        incidents: m.incidents,
        cells: OUTCOMES.map((o) => m[o]),
      })),
      ico: { ...trends.ico, share: share === null ? '–' : `${Math.round(share * 100)}%` },
      hours: (Object.keys(HOURS_LABELS) as (keyof typeof HOURS_LABELS)[]).map((k) => ({
        label: HOURS_LABELS[k],
        n: trends.hours[k].n,
        median: hours(trends.hours[k].median),
        p90: hours(trends.hours[k].p90),
      })),
      rootCauses: trends.byRootCause.map((c) => ({ label: rootCauseLabel(c.rootCause), incidents: c.incidents })),
      charts: {
        monthly: monthlyChart(trends),
        ico: icoChart(trends),
        hours: hoursChart(trends),
        rootCauses: rootCauseChart(trends, rootCauseLabel),
      },
      generatedAt: trends.generatedAt,
    });
  }
}
