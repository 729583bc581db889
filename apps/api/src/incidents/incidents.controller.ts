import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import * as I from '#libs/incidents';
import { NotFoundError } from '#libs/shared';
import { RateLimit } from '../http/rate-limit.guard';
import { ExpectedVersion } from './if-match';
import * as D from './incident-commands.dto';
import { ReportIncidentDto } from './report-incident.dto';

const TEAM = ['dpo', 'governance'] as const;
const READERS = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor'] as const;
const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new NotFoundError() });

/** One endpoint per command, plus the list, the detail and the timeline. */
@ApiTags('incidents')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; 409 if it changed.' })
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('colleague', 'partner', 'dpo', 'governance', 'emt')
  @RateLimit('reports')
  async report(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ReportIncidentDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const {
      processorForControllerIds = [],
      occurredAt = null,
      approxSubjects = null,
      approxRecords = null,
      ...rest
    } = dto;
    const result = await this.commands.execute<I.ReportIncidentCommand, I.CommandResult>(
      new I.ReportIncidentCommand(p, { ...rest, occurredAt, approxSubjects, approxRecords, processorForControllerIds }),
    );
    res.location(`/api/v1/incidents/${result.id}`);
    return result;
  }

  @Get()
  @Roles(...READERS)
  list(@CurrentPrincipal() p: Principal, @Query() q: D.ListIncidentsDto) {
    const filters = {
      status: q.status,
      entityId: q.entity,
      dueBefore: q.dueBefore,
      page: q.page,
      pageSize: q.pageSize,
    };
    return this.queries.execute(new I.ListIncidentsQuery(p, filters));
  }

  @Get(':id')
  @Roles(...READERS)
  detail(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.queries.execute(new I.GetIncidentQuery(p, id));
  }

  @Get(':id/timeline')
  @Roles(...READERS)
  timeline(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.queries.execute(new I.GetTimelineQuery(p, id));
  }

  @Post(':id/information')
  @HttpCode(200)
  @Roles('colleague', 'partner', ...TEAM)
  addInformation(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.NoteDto,
  ) {
    return this.run(new I.AddInformationCommand(id, p, v, dto.note));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles(...TEAM)
  acknowledge(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
  ) {
    return this.run(new I.AcknowledgeIncidentCommand(id, p, v));
  }

  @Post(':id/close-as-not-breach')
  @HttpCode(200)
  @Roles(...TEAM)
  closeAsNotBreach(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.ReasonDto,
  ) {
    return this.run(new I.CloseAsNotBreachCommand(id, p, v, dto.reason));
  }

  @Post(':id/awareness')
  @HttpCode(200)
  @Roles(...TEAM)
  confirmAwareness(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.ConfirmAwarenessDto,
  ) {
    return this.run(new I.ConfirmAwarenessCommand(id, p, v, dto.awareAt, dto.justification));
  }

  @Post(':id/containment')
  @HttpCode(200)
  @Roles(...TEAM)
  containment(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.ContainmentDto,
  ) {
    return this.run(new I.RecordContainmentCommand(id, p, v, dto.actions, dto.findings));
  }

  @Post(':id/assessments')
  @HttpCode(200)
  @Roles(...TEAM)
  assessment(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.AssessmentDto,
  ) {
    return this.run(new I.RecordAssessmentCommand(id, p, v, dto.facts, { ...dto.assessorView }));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...TEAM, 'emt')
  decision(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.DecisionDto,
  ) {
    const decision = {
      ...dto,
      subjectsExemption: dto.subjectsExemption ?? null,
      justification: dto.justification ?? null,
    };
    return this.run(new I.RecordDecisionCommand(id, p, v, decision));
  }

  @Post(':id/ico-submissions')
  @HttpCode(200)
  @Roles(...TEAM)
  icoSubmission(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.IcoSubmissionDto,
  ) {
    return this.run(new I.RecordIcoSubmissionCommand(id, p, v, { ...dto, delayReasons: dto.delayReasons ?? null }));
  }

  @Post(':id/ico-submissions/supplementary')
  @HttpCode(200)
  @Roles(...TEAM)
  icoSupplementary(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.IcoSupplementaryDto,
  ) {
    return this.run(new I.RecordIcoSupplementaryCommand(id, p, v, dto.submittedAt, dto.summary));
  }

  @Post(':id/subjects-notified')
  @HttpCode(200)
  @Roles(...TEAM)
  subjectsNotified(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.SubjectsNotifiedDto,
  ) {
    return this.run(new I.RecordSubjectsNotifiedCommand(id, p, v, { ...dto }));
  }

  @Post(':id/controller-notified')
  @HttpCode(200)
  @Roles(...TEAM)
  controllerNotified(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.ControllerNotifiedDto,
  ) {
    return this.run(new I.RecordControllerNotifiedCommand(id, p, v, { ...dto }));
  }

  @Post(':id/lessons')
  @HttpCode(200)
  @Roles(...TEAM)
  lessons(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.LessonsDto,
  ) {
    return this.run(new I.RecordLessonsCommand(id, p, v, { ...dto, actions: dto.actions.map((a) => ({ ...a })) }));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...TEAM)
  close(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.SummaryDto,
  ) {
    return this.run(new I.CloseIncidentCommand(id, p, v, dto.summary));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...TEAM)
  reopen(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: D.ReasonDto,
  ) {
    return this.run(new I.ReopenIncidentCommand(id, p, v, dto.reason));
  }

  private run(command: I.IncidentCommand): Promise<I.CommandResult> {
    return this.commands.execute<I.IncidentCommand, I.CommandResult>(command);
  }
}
