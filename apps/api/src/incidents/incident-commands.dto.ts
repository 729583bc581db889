import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROLES, Role } from '#libs/directory';
import { ROOT_CAUSES } from '#libs/incidents';
import { IsInstant, IsText } from '../http/validation';

export class NoteDto {
  @IsText(5000)
  note!: string;
}

export class ReasonDto {
  @IsText(5000)
  reason!: string;
}

export class SummaryDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  summary!: string;
}

export class ConfirmAwarenessDto {
  @IsInstant({ description: 'When the group had a reasonable degree of certainty that personal data was compromised.' })
  awareAt!: string;

  @IsText(5000, { description: 'Why this is the moment of awareness.' })
  justification!: string;
}

export class ContainmentDto {
  @IsText(5000)
  actions!: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  findings!: string;
}

export class AssessorViewDto {
  @ApiProperty({ enum: ['none', 'risk', 'high'] })
  @IsIn(['none', 'risk', 'high'])
  riskLevel!: 'none' | 'risk' | 'high';

  @ApiProperty({ enum: ['remote', 'possible', 'likely', 'very-likely'] })
  @IsIn(['remote', 'possible', 'likely', 'very-likely'])
  likelihood!: 'remote' | 'possible' | 'likely' | 'very-likely';

  @ApiProperty({ enum: ['minimal', 'significant', 'serious', 'severe'] })
  @IsIn(['minimal', 'significant', 'serious', 'severe'])
  severity!: 'minimal' | 'significant' | 'serious' | 'severe';

  @IsText(5000)
  rationale!: string;
}

export class AssessmentDto {
  @ApiProperty({ description: 'The breach facts (see the assessment contract in the README).' })
  @IsObject()
  facts!: Record<string, unknown>;

  @ApiProperty({ type: AssessorViewDto })
  @ValidateNested()
  @Type(() => AssessorViewDto)
  assessorView!: AssessorViewDto;
}

const EXEMPTIONS = ['unintelligible', 'subsequent-measures', 'disproportionate-effort'] as const;

export class DecisionDto {
  @ApiProperty()
  @IsBoolean()
  notifyIco!: boolean;

  @IsText(5000)
  icoReasons!: string;

  @ApiProperty()
  @IsBoolean()
  notifySubjects!: boolean;

  @ApiPropertyOptional({ enum: EXEMPTIONS, nullable: true, description: 'The Art. 34(3) exemption relied on.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(EXEMPTIONS)
  subjectsExemption?: (typeof EXEMPTIONS)[number] | null;

  @IsText(5000)
  subjectsReasons!: string;

  @ApiPropertyOptional({
    maxLength: 5000,
    nullable: true,
    description: 'Required when the decision differs from the recommendation.',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(5000)
  justification?: string | null;
}

export class IcoSubmissionDto {
  @IsInstant()
  submittedAt!: string;

  @ApiProperty({ example: 'IC-123456-A1B2' })
  @IsString()
  @MaxLength(64)
  icoReference!: string;

  @ApiProperty({ description: 'More information will follow (Art. 33(4)).' })
  @IsBoolean()
  phased!: boolean;

  @ApiPropertyOptional({
    maxLength: 5000,
    nullable: true,
    description: 'Required after the 72-hour deadline (Art. 33(1)).',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(5000)
  delayReasons?: string | null;
}

export class IcoSupplementaryDto {
  @IsInstant()
  submittedAt!: string;

  @IsText(5000)
  summary!: string;
}

const METHODS = ['email', 'letter', 'phone', 'in-person', 'public-notice', 'other'] as const;

export class SubjectsNotifiedDto {
  @IsInstant()
  notifiedAt!: string;

  @ApiProperty({ enum: METHODS })
  @IsIn(METHODS)
  method!: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  count!: number;
}

export class ControllerNotifiedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  controllerId!: string;

  @IsInstant()
  notifiedAt!: string;

  @ApiProperty({ enum: METHODS })
  @IsIn(METHODS)
  method!: string;
}

export class LessonActionDto {
  @IsText(2000)
  description!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId!: string;

  @IsInstant()
  dueAt!: string;
}

export class LessonsDto {
  @ApiProperty({ enum: ROOT_CAUSES })
  @IsIn(ROOT_CAUSES)
  rootCause!: string;

  @IsText(5000)
  narrative!: string;

  @IsText(5000)
  changes!: string;

  @ApiProperty({ type: [LessonActionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LessonActionDto)
  actions!: LessonActionDto[];
}

/** An optional list sent as null means none: @IsOptional lets null through, and `null.map` would be a 500. */
const noneIfNull = ({ value }: { value: unknown }) => value ?? [];

export class CirculateDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @Transform(noneIfNull)
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  personIds: string[] = [];

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Everyone holding these roles.' })
  @IsOptional()
  @Transform(noneIfNull)
  @IsArray()
  @IsIn(ROLES, { each: true })
  roles: Role[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Everyone in these group entities.' })
  @IsOptional()
  @Transform(noneIfNull)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  entityIds: string[] = [];
}

export class ActionUpdateDto {
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

/** The page's form for one action: the API takes the action's id from the path, a form from a hidden field. */
export class ActionUpdateFormDto extends ActionUpdateDto {
  @IsUUID()
  actionId!: string;
}

const STATUSES = [
  'reported',
  'acknowledged',
  'investigating',
  'assessed',
  'decided',
  'closed',
  'closed-not-breach',
] as const;

export class ListIncidentsDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  entity?: string;

  @IsOptional()
  @IsInstant({ required: false, description: 'Only incidents whose ICO deadline is before this time.' })
  dueBefore?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 25;
}
