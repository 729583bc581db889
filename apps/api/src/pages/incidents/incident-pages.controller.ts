import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { FormRoutes, Roles } from '#libs/auth';
import * as I from '#libs/incidents';
import { DomainError, NotFoundError } from '#libs/shared';
import { FieldError, keepValues, parseForm, RawForm } from '../forms/form-input';
import { CsrfGuard } from '../view/csrf.guard';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRequest } from '../view/page-renderer';
import { assessorViewFromForm, factsFromForm } from './assessment-form';
import { IncidentPage } from './incident-page';
import { STEPS } from './incident-steps';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new NotFoundError() });
const TEAM = ['dpo', 'governance'] as const;
const READERS = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor'] as const;

/** A refusal the person can act on is shown on the form; anything else is an error page. */
const SHOWN_ON_FORM = new Set(['rule', 'conflict', 'invalid']);

/** The incident page and one form post per step, with the same roles as the JSON API. */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('incidents/:id')
export class IncidentPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly page: IncidentPage,
  ) {}

  @Get()
  @Roles(...READERS)
  show(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string) {
    return this.page.show(req, res, id);
  }

  @Post('information')
  @Roles('colleague', 'partner', ...TEAM)
  information(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'information', body);
  }

  @Post('acknowledge')
  @Roles(...TEAM)
  acknowledge(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'acknowledge', body);
  }

  @Post('not-a-breach')
  @Roles(...TEAM)
  notABreach(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'not-a-breach', body);
  }

  @Post('awareness')
  @Roles(...TEAM)
  awareness(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'awareness', body);
  }

  @Post('containment')
  @Roles(...TEAM)
  containment(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'containment', body);
  }

  /** "Preview recommendation" re-renders the page with the system's view; "Record" records it. */
  @Post('assessment')
  @Roles(...TEAM)
  async assessment(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: RawForm,
  ) {
    const values = keepValues(body);
    const facts = factsFromForm(body);
    const recommendation = facts.ok ? facts.recommendation : undefined;
    if (body.intent === 'preview') {
      const errors = facts.ok ? [] : facts.errors;
      return this.page.show(
        req,
        res,
        id,
        { step: 'assessment', values, errors, recommendation },
        errors.length ? 400 : 200,
      );
    }
    const view = await assessorViewFromForm(body);
    const errors = [...(facts.ok ? [] : facts.errors), ...(view.ok ? [] : view.errors)];
    if (!facts.ok || !view.ok)
      return this.page.show(req, res, id, { step: 'assessment', values, errors, recommendation }, 400);
    const command = new I.RecordAssessmentCommand(id, actorOf(req), version(body), facts.facts, { ...view.value });
    return this.execute(req, res, id, 'assessment', command, body);
  }

  @Post('decision')
  @Roles(...TEAM, 'emt')
  decision(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'decision', body);
  }

  @Post('ico-submission')
  @Roles(...TEAM)
  icoSubmission(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'ico-submission', body);
  }

  @Post('subjects-notified')
  @Roles(...TEAM)
  subjectsNotified(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: RawForm,
  ) {
    return this.step(req, res, id, 'subjects-notified', body);
  }

  @Post('lessons')
  @Roles(...TEAM)
  lessons(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'lessons', body);
  }

  @Post('close')
  @Roles(...TEAM)
  close(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'close', body);
  }

  @Post('reopen')
  @Roles(...TEAM)
  reopen(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'reopen', body);
  }

  @Post('lessons/circulate')
  @Roles(...TEAM)
  circulate(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'lessons-circulate', body);
  }

  @Post('lessons/action')
  @Roles(...TEAM)
  lessonAction(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string, @Body() body: RawForm) {
    return this.step(req, res, id, 'lessons-action', body);
  }

  @Post('ico-supplementary')
  @Roles(...TEAM)
  icoSupplementary(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: RawForm,
  ) {
    return this.step(req, res, id, 'ico-supplementary', body);
  }

  @Post('controller-notified')
  @Roles(...TEAM)
  controllerNotified(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: RawForm,
  ) {
    return this.step(req, res, id, 'controller-notified', body);
  }

  private async step(req: PageRequest, res: Response, id: string, step: string, body: RawForm) {
    const form = STEPS[step];
    const extra = form.extra ? await form.extra(body) : { value: {}, errors: [] };
    const parsed = await parseForm(form.dto, form.spec, body, { ...form.fixed, ...extra.value });
    const errors = [...(parsed.ok ? [] : parsed.errors), ...extra.errors];
    if (!parsed.ok || errors.length) {
      return this.page.show(req, res, id, { step, values: keepValues(body), errors }, 400);
    }
    return this.execute(req, res, id, step, form.command(id, actorOf(req), version(body), parsed.value), body);
  }

  /** Sends the command; a refusal re-renders the page with what was typed and why it was refused. */
  private async execute(
    req: PageRequest,
    res: Response,
    id: string,
    step: string,
    command: I.IncidentCommand,
    body: RawForm,
  ) {
    try {
      await this.commands.execute(command);
      res.redirect(303, `/incidents/${id}?done=${step}`);
    } catch (error) {
      if (!(error instanceof DomainError) || !SHOWN_ON_FORM.has(error.kind)) throw error;
      const errors: FieldError[] = [{ field: fieldOf(error), message: messageOf(error) }];
      const status = error.kind === 'conflict' ? 409 : 422;
      return this.page.show(req, res, id, { step, values: keepValues(body), errors }, status);
    }
  }
}

/** The version the form was rendered from: someone else's change in between is a 409, not an overwrite. */
function version(body: RawForm): number | undefined {
  const raw = typeof body.version === 'string' ? body.version : '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

const fieldOf = (error: DomainError) => (typeof error.details?.field === 'string' ? error.details.field : '');

function messageOf(error: DomainError): string {
  if (error.kind === 'conflict') {
    return 'Someone changed this incident while you were working on it. Your answers are below: check the page, then send them again.';
  }
  return error.message;
}
