import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

/** A new webhook subscription; used by the JSON admin API and the admin pages. */
export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.org/breach-desk' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ type: [String], description: 'Event types to receive; empty for all.', example: ['IncidentReported'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[A-Z][A-Za-z]+$/, { each: true })
  eventTypes!: string[];
}
