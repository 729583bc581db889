import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { FormRoutes, Roles } from '#libs/auth';
import { PolicyStore } from '#libs/clock';
import { DomainError, NotFoundError } from '#libs/shared';
import { PeopleAdminService } from '../../admin/people-admin.service';
import { PersonChangeDto } from '../../admin/person-change.dto';
import { anchored, FieldError, keepValues, parseForm, RawForm } from '../forms/form-input';
import { CsrfGuard } from '../view/csrf.guard';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { ESCALATION_ROWS, policyFormErrors, policyFromForm, policyToForm } from './policy-form';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('person') });
const ROLES = [
  { value: 'dpo', text: 'The DPO (or the deputy while away)' },
  { value: 'governance', text: 'The Head of Governance' },
  { value: 'emt', text: 'The EMT member on duty' },
];

/** The directory (absences, deputies, EMT on duty) and the escalation policy, for administrators. */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly people: PeopleAdminService,
    private readonly policies: PolicyStore,
    private readonly pages: PageRenderer,
  ) {}

  @Get('people')
  @Roles('admin')
  peoplePage(@Req() req: PageRequest, @Res() res: Response) {
    return this.renderPeople(req, res);
  }

  @Post('people/:id')
  @Roles('admin')
  async changePerson(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: RawForm,
  ) {
    const parsed = await parseForm(
      PersonChangeDto,
      {
        absent: { kind: 'checkbox', message: 'Tick if they are away' },
        deputyId: { kind: 'optional-choice', message: 'Choose a deputy from the list, or nobody' },
        emtOnDuty: { kind: 'checkbox', message: 'Tick if they are the EMT member on duty' },
      },
      body,
    );
    if (!parsed.ok) return this.renderPeople(req, res, { id, errors: parsed.errors, values: keepValues(body) }, 400);
    try {
      await this.people.change(id, parsed.value);
      res.redirect(303, `/admin/people?saved=${id}#person-${id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'rule') throw error;
      const errors = [{ field: 'deputyId', message: error.message }];
      return this.renderPeople(req, res, { id, errors, values: keepValues(body) }, 422);
    }
  }

  @Get('escalation-policy')
  @Roles('admin', 'dpo', 'governance', 'auditor')
  async policyPage(@Req() req: PageRequest, @Res() res: Response) {
    const policy = await this.policies.current();
    this.renderPolicy(req, res, policyToForm(policy), [], policy.version);
  }

  @Post('escalation-policy')
  @Roles('admin')
  async publishPolicy(@Req() req: PageRequest, @Res() res: Response, @Body() body: RawForm) {
    const proposal = policyFromForm(body);
    const errors = await policyFormErrors(proposal);
    const { version } = await this.policies.current();
    if (errors.length) return this.renderPolicy(req, res, keepValues(body), errors, version, 400);
    try {
      await this.policies.publish(proposal, actorOf(req).id);
      res.redirect(303, '/admin/escalation-policy?published=1');
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'rule') throw error;
      const problems = Array.isArray(error.details?.problems) ? (error.details.problems as string[]) : [error.message];
      const refused = problems.map((message) => ({ field: '', message }));
      this.renderPolicy(req, res, keepValues(body), refused, version, 422);
    }
  }

  private async renderPeople(
    req: PageRequest,
    res: Response,
    refused?: { id: string; errors: FieldError[]; values: Record<string, unknown> },
    status = 200,
  ) {
    const everyone = await this.people.list();
    const names = new Map(everyone.map((p) => [p.id, p.displayName]));
    const people = everyone.map((p) => {
      const mine = refused?.id === p.id;
      return {
        ...p,
        roleList: p.roles.join(', '),
        deputyName: p.deputyId ? names.get(p.deputyId) : undefined,
        isEmt: p.roles.includes('emt'),
        saved: req.query.saved === p.id,
        values: mine
          ? refused.values
          : { absent: p.absent ? 'on' : '', deputyId: p.deputyId ?? '', emtOnDuty: p.emtOnDuty ? 'on' : '' },
        deputies: everyone.filter((d) => d.id !== p.id && d.active).map((d) => ({ value: d.id, text: d.displayName })),
      };
    });
    const errors = refused ? anchored(`person-${refused.id}`, refused.errors) : [];
    this.pages.render(req, res, 'admin-people', { title: 'Directory', people, errors }, status);
  }

  private renderPolicy(
    req: PageRequest,
    res: Response,
    values: Record<string, unknown>,
    errors: FieldError[],
    version: number,
    status = 200,
  ) {
    const rows = Array.from({ length: ESCALATION_ROWS }, (_, i) => ({
      i,
      condition: values[`unless${i}`] ?? 'acknowledged',
      afterHours: values[`afterHours${i}`] ?? '',
      to: values[`to${i}`] ?? 'governance',
    }));
    const canPublish = actorOf(req).roles.includes('admin');
    this.pages.render(
      req,
      res,
      'admin-policy',
      {
        title: 'Escalation policy',
        version,
        values,
        rows,
        roles: ROLES,
        canPublish,
        published: req.query.published === '1',
        errors: anchored('policy', errors),
      },
      status,
    );
  }
}
