import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { assess, parseFacts } from '#libs/assessment';
import { Roles } from '#libs/auth';
import { DomainError } from '#libs/shared';

class PreviewDto {
  @ApiProperty({ description: 'Breach facts, as in the assessment contract (libs/assessment/README.md).' })
  @IsObject()
  facts!: Record<string, unknown>;
}

/** The recommendation for some facts, recording nothing: for a DPO weighing "what if". */
@ApiTags('assessment')
@ApiBearerAuth()
@Controller('api/v1/assessments')
export class AssessmentPreviewController {
  @Post('preview')
  @HttpCode(200)
  @Roles('dpo', 'governance', 'emt')
  preview(@Body() dto: PreviewDto) {
    const parsed = parseFacts(dto.facts);
    if (!parsed.ok)
      throw new DomainError('invalid_facts', 'The breach facts are not valid.', 'rule', { errors: parsed.errors });
    return assess(parsed.facts);
  }
}
