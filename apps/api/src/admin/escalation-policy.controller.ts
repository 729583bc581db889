import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { PolicyStore } from '#libs/clock';
import { NotFoundError } from '#libs/shared';
import { EscalationPolicyDto } from './escalation-policy.dto';

/** The escalation chain as data: each change publishes a new version; incidents keep theirs. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/escalation-policy')
export class EscalationPolicyController {
  constructor(private readonly policies: PolicyStore) {}

  @Get()
  @Roles('admin', 'dpo', 'governance', 'auditor')
  current() {
    return this.policies.current();
  }

  @Get('versions/:version')
  @Roles('admin', 'dpo', 'governance', 'auditor')
  async version(
    @Param('version', new ParseIntPipe({ exceptionFactory: () => new NotFoundError('policy') })) version: number,
  ) {
    return this.policies.get(version).catch(() => {
      throw new NotFoundError('policy');
    });
  }

  @Put()
  @Roles('admin')
  publish(@CurrentPrincipal() p: Principal, @Body() dto: EscalationPolicyDto) {
    return this.policies.publish({ ...dto, escalations: dto.escalations.map((e) => ({ ...e })) }, p.id);
  }
}
