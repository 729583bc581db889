import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../http/validation';

/** The period (reported-at, `from` inclusive, `to` exclusive) and group entity of a register or trends request. */
export class PeriodQueryDto {
  @IsOptional()
  @IsInstant({ required: false, description: 'Reported at or after this time.' })
  from?: string;

  @IsOptional()
  @IsInstant({ required: false, description: 'Reported before this time.' })
  to?: string;

  @ApiPropertyOptional({ example: 'HHL', maxLength: 20, description: 'One group entity.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  entity?: string;
}

export const REGISTER_FORMATS = ['json', 'csv'] as const;

export class RegisterQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: REGISTER_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REGISTER_FORMATS)
  format: (typeof REGISTER_FORMATS)[number] = 'json';
}
