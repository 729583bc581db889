import { Body, Controller, Delete, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { WebhookSubscriptions } from '#libs/notifications';
import { DomainError, NotFoundError } from '#libs/shared';

class CreateWebhookDto {
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

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('webhook') });

/** Signed webhooks so Teams, ServiceNow or a SIEM can follow incident events. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('admin')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto) {
    if (this.config.NODE_ENV === 'production' && !dto.url.startsWith('https://')) {
      throw new DomainError('https_required', 'Webhooks must use https in production.');
    }
    return this.subscriptions.create(dto.url, dto.eventTypes, p.id);
  }

  @Get()
  @Roles('admin')
  list() {
    return this.subscriptions.list();
  }

  @Get(':id/deliveries')
  @Roles('admin')
  deliveries(@Param('id', uuid) id: string) {
    return this.subscriptions.deliveries(id);
  }

  @Delete(':id')
  @Roles('admin')
  deactivate(@Param('id', uuid) id: string) {
    return this.subscriptions.deactivate(id);
  }
}
