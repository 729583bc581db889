import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { FormRoutes, Roles } from '#libs/auth';
import { PolicyStore } from '#libs/clock';
import { DirectoryPerson, DirectoryService } from '#libs/directory';
import * as I from '#libs/incidents';
import { DomainError, NotFoundError } from '#libs/shared';
import { ReportIncidentDto } from '../../incidents/report-incident.dto';
import { anchored, FieldError, keepValues, parseForm, RawForm } from '../forms/form-input';
import { utcToLondonLocal } from '../forms/london-local';
import { CsrfGuard } from '../view/csrf.guard';
import { STATUS_LABELS } from '../view/labels';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { REPORT_CHOICES, REPORT_SPEC } from './report-form';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new NotFoundError() });
const REPORTERS = ['colleague', 'partner', 'dpo', 'governance', 'emt'] as const;

/** A colleague reports a suspected breach in about a minute, and follows their reports. */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('reports')
export class ReportPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly pages: PageRenderer,
    private readonly policies: PolicyStore,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @Roles('colleague', 'partner')
  async mine(@Req() req: PageRequest, @Res() res: Response) {
    const list = (await this.queries.execute(new I.ListIncidentsQuery(actorOf(req), { page: 1, pageSize: 100 }))) as {
      items: { id: string; reference: string; status: string; reportedAt: string }[];
    };
    const reports = list.items
      .map((i) => ({ ...i, statusText: STATUS_LABELS[i.status] ?? i.status }))
      .sort((a, b) => new Date(b.reportedAt).getTime() - new Date(a.reportedAt).getTime());
    this.pages.render(req, res, 'my-reports', { title: 'My reports', reports });
  }

  @Get('new')
  @Roles(...REPORTERS)
  form(@Req() req: PageRequest, @Res() res: Response) {
    // The discovery time starts at "now" in UK time: most reports are made on finding out.
    this.renderForm(req, res, { discoveredAt: utcToLondonLocal(this.pages.now()) }, []);
  }

  @Post()
  @Roles(...REPORTERS)
  async report(@Req() req: PageRequest, @Res() res: Response, @Body() body: RawForm) {
    const parsed = await parseForm(ReportIncidentDto, REPORT_SPEC, body);
    if (!parsed.ok) return this.renderForm(req, res, keepValues(body), parsed.errors, 400);
    const { occurredAt = null, approxSubjects = null, approxRecords = null, ...rest } = parsed.value;
    const input = { ...rest, occurredAt, approxSubjects, approxRecords, processorForControllerIds: [] };
    try {
      const result = await this.commands.execute<I.ReportIncidentCommand, I.CommandResult>(
        new I.ReportIncidentCommand(actorOf(req), input),
      );
      res.redirect(303, `/reports/${result.id}/received`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'rule') throw error;
      const field = typeof error.details?.field === 'string' ? error.details.field : '';
      this.renderForm(req, res, keepValues(body), [{ field, message: error.message }], 422);
    }
  }

  /** The reference, what happens next and who has been told. */
  @Get(':id/received')
  @Roles(...REPORTERS)
  async received(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string) {
    const incident = (await this.queries.execute(new I.GetIncidentQuery(actorOf(req), id))) as I.IncidentView;
    this.pages.render(req, res, 'report-received', {
      title: `Report ${incident.reference} received`,
      incident,
      told: await this.toldAtReport(),
    });
  }

  private renderForm(req: PageRequest, res: Response, values: object, errors: FieldError[], status = 200) {
    const title = 'Report a suspected data breach';
    const context = { title, values, errors: anchored('report', errors), ...REPORT_CHOICES };
    this.pages.render(req, res, 'report-form', context, status);
  }

  /** Who the escalation policy tells of every new report (the DPO, or the deputy while away). */
  private async toldAtReport(): Promise<string[]> {
    const policy = await this.policies.current();
    const people: DirectoryPerson[] = [];
    for (const role of policy.notifyAtReport) {
      if (role === 'dpo') people.push(...(await this.directory.dpoOrDeputy()));
      if (role === 'governance') people.push(...(await this.directory.governance()));
      if (role === 'emt') people.push(...(await this.directory.emtOnDuty()));
    }
    return [...new Set(people.map((p) => p.displayName))];
  }
}
