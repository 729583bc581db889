import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID, ValidateIf } from 'class-validator';

export class PersonChangeDto {
  @ApiPropertyOptional({ description: 'Away: messages for the DPO go to the deputy.' })
  @IsOptional()
  @IsBoolean()
  absent?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  deputyId?: string | null;

  @ApiPropertyOptional({ description: 'The EMT member on duty; setting one takes the duty from the others.' })
  @IsOptional()
  @IsBoolean()
  emtOnDuty?: boolean;
}
