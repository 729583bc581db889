import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { WebhookSubscriptions } from '#libs/notifications';
import { NotFoundError } from '#libs/shared';
import { CreateWebhookDto } from './webhook.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('webhook') });

/** Signed webhooks so Teams, ServiceNow or a SIEM can follow incident events. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/webhooks')
export class WebhooksController {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Post()
  @Roles('admin')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto) {
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
