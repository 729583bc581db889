import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-02-30T…` parses in JavaScript (as 2 March); it is refused here. */
function toInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return undefined;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A point in time with its offset (`2027-03-27T10:00:00Z`, `…+01:00`); stored as UTC ISO.
 * A time without an offset is refused: "10:00" in March could be GMT or BST.
 */
export function IsInstant(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date-time',
      example: '2027-03-27T10:00:00Z',
      ...options,
    } as ApiPropertyOptions),
    Transform(({ value }: { value: unknown }) => toInstant(value) ?? value),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, {
      message: '$property must be a date-time with an offset, e.g. 2027-03-27T10:00:00Z',
    }),
  );
}

/** Required free text with a length cap (bodies are size-limited too). */
export function IsText(maxLength: number, options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, maxLength, ...options } as ApiPropertyOptions),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );
}
