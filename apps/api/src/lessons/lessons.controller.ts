import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { ROLES, Role } from '#libs/directory';
import * as I from '#libs/incidents';
import { NotFoundError } from '#libs/shared';
import { ExpectedVersion } from '../incidents/if-match';

class CirculateDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  personIds: string[] = [];

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Everyone holding these roles.' })
  @IsOptional()
  @IsArray()
  @IsIn(ROLES, { each: true })
  roles: Role[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Everyone in these group entities.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  entityIds: string[] = [];
}

class ActionUpdateDto {
  @ApiProperty({ enum: ['done', 'accepted'] })
  @IsIn(['done', 'accepted'])
  status!: 'done' | 'accepted';

  @ApiPropertyOptional({
    maxLength: 2000,
    nullable: true,
    description: 'Required when accepting an action without doing it.',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

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
