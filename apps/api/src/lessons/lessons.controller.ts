import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import * as I from '#libs/incidents';
import { NotFoundError } from '#libs/shared';
import { ActionUpdateDto, CirculateDto } from '../incidents/incident-commands.dto';
import { ExpectedVersion } from '../incidents/if-match';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError() });
const EVERYONE = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor'] as const;

/** Lessons learnt (policy §6.9): circulated, read and acknowledged; actions done or accepted. */
@ApiTags('lessons')
@ApiBearerAuth()
@Controller('api/v1')
export class LessonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('incidents/:id/lessons/circulate')
  @HttpCode(200)
  @Roles('dpo', 'governance')
  circulate(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: CirculateDto,
  ) {
    return this.commands.execute(
      new I.CirculateLessonsCommand(id, p, v, { personIds: dto.personIds, roles: dto.roles, entityIds: dto.entityIds }),
    );
  }

  @Post('incidents/:id/lessons/actions/:actionId')
  @HttpCode(200)
  @Roles('dpo', 'governance')
  updateAction(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('actionId', uuid) actionId: string,
    @ExpectedVersion() v: number | undefined,
    @Body() dto: ActionUpdateDto,
  ) {
    return this.commands.execute(new I.UpdateLessonActionCommand(id, p, v, actionId, dto.status, dto.reason ?? null));
  }

  @Get('lessons')
  @Roles(...EVERYONE)
  mine(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new I.MyLessonsQuery(p));
  }

  @Post('lessons/:id/acknowledge')
  @HttpCode(200)
  @Roles(...EVERYONE)
  acknowledge(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.commands.execute(new I.AcknowledgeLessonsCommand(id, p));
  }
}
