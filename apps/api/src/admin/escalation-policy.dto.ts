import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, ValidateNested } from 'class-validator';
import type { ChainRole } from '#libs/clock';

const CHAIN_ROLES = ['dpo', 'governance', 'emt'] as const;

export class EscalationDto {
  @ApiProperty({ enum: ['acknowledged', 'decided'] })
  @IsIn(['acknowledged', 'decided'])
  unless!: 'acknowledged' | 'decided';

  @ApiProperty({ minimum: 0, exclusiveMinimum: true, maximum: 720 })
  @IsNumber()
  afterHours!: number;

  @ApiProperty({ enum: ['governance', 'emt'] })
  @IsIn(['governance', 'emt'])
  to!: 'governance' | 'emt';
}

export class EscalationPolicyDto {
  @ApiProperty({ enum: CHAIN_ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(CHAIN_ROLES, { each: true })
  notifyAtReport!: ChainRole[];

  @ApiProperty({ type: [EscalationDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationDto)
  escalations!: EscalationDto[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsNumber({}, { each: true })
  remindOwnerBeforeDeadlineHours!: number[];

  @ApiProperty({ enum: CHAIN_ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(CHAIN_ROLES, { each: true })
  notifyWhenDeadlineMissed!: ChainRole[];
}
