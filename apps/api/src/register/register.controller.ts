import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { RegisterService, registerFilter, registerViewFor } from '#libs/register';
import { DomainError } from '#libs/shared';
import { RegisterQueryDto } from './register-query.dto';
import { streamChunks } from './stream-chunks';

const CONTENT_TYPE = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8; header=present' };

/**
 * The Art. 33(5) breach register: every incident, reported to the ICO or not. The DPO and the
 * Head of Governance get every word; the EMT and internal audit get the anonymised register.
 */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/register')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  @Roles('dpo', 'governance', 'emt', 'auditor')
  @ApiProduces(CONTENT_TYPE.json, CONTENT_TYPE.csv)
  async export(@CurrentPrincipal() p: Principal, @Query() q: RegisterQueryDto, @Res() res: Response): Promise<void> {
    const filter = registerFilter(q);
    const view = registerViewFor(p.roles);
    // @Roles already refuses everyone else; this keeps the two rules from drifting apart silently.
    if (!view) throw new DomainError('forbidden', 'Your role may not read the register.', 'forbidden');
    const chunks = q.format === 'csv' ? this.register.csv(filter, view, p) : this.register.json(filter, view, p);
    const day = new Date().toISOString().slice(0, 10);
    await streamChunks(res, chunks, {
      'Content-Type': CONTENT_TYPE[q.format],
      'Content-Disposition': `attachment; filename="breach-register-${view}-${day}.${q.format}"`,
      // The full register is the most sensitive document the service produces.
      'Cache-Control': 'no-store',
    });
  }
}
