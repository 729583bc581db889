import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { registerFilter, type Trends, TrendsService } from '#libs/register';
import { PeriodQueryDto } from './register-query.dto';

/** Trends for the executive team, as JSON for the pages to draw. No personal data. */
@ApiTags('register')
@ApiBearerAuth()
@Controller('api/v1/trends')
export class TrendsController {
  constructor(private readonly trendsService: TrendsService) {}

  @Get()
  @Roles('dpo', 'governance', 'emt', 'auditor')
  @Header('Cache-Control', 'no-store')
  trends(@Query() q: PeriodQueryDto): Promise<Trends> {
    return this.trendsService.trends(registerFilter(q));
  }
}
