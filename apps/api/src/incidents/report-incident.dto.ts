import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DATA_CATEGORIES, SUBJECT_CATEGORIES } from '#libs/assessment';
import { IsInstant, IsText } from '../http/validation';

export class ReportIncidentDto {
  @IsText(5000, {
    description: 'What happened. Describe it without the personal data itself (no names, addresses or case details).',
  })
  summary!: string;

  @IsText(2000, { description: 'How it was found.' })
  howDiscovered!: string;

  @ApiProperty({ maxLength: 2000, description: 'What has been done so far to contain it (may be empty).' })
  @IsString()
  @MaxLength(2000)
  containmentSoFar!: string;

  @IsInstant({ description: 'When the breach happened, if known.', nullable: true, required: false })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  occurredAt?: string | null;

  @IsInstant({ description: 'When the first colleague found it.' })
  discoveredAt!: string;

  @ApiProperty({ example: 'HHL', description: 'The group entity whose data it is (the controller).' })
  @IsString()
  @MaxLength(20)
  entityId!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'External controllers, when the group processed the data for them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  processorForControllerIds?: string[];

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataCategories!: string[];

  @ApiProperty({ enum: SUBJECT_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SUBJECT_CATEGORIES, { each: true })
  subjectCategories!: string[];

  @ApiPropertyOptional({ nullable: true, minimum: 1, description: 'Roughly how many people; null when unknown.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(1)
  approxSubjects?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, description: 'Roughly how many records; null when unknown.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(1)
  approxRecords?: number | null;

  @ApiProperty({ description: 'Health, ethnicity, religion, sexuality and other Art. 9 data involved.' })
  @IsBoolean()
  specialCategory!: boolean;

  @ApiProperty({ description: 'Criminal allegations, offences or convictions involved (Art. 10).' })
  @IsBoolean()
  criminalOffence!: boolean;
}
