import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A partner API key to issue; used by the JSON admin API and the admin pages. */
export class IssueKeyDto {
  @ApiProperty({ example: 'Repairs portal', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;
}
