import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { FormRoutes, Roles } from '#libs/auth';
import { WebhookDelivery, WebhookSubscriptions } from '#libs/notifications';
import { DomainError, NotFoundError } from '#libs/shared';
import { CreateWebhookDto } from '../../admin/webhook.dto';
import { anchored, FieldError, keepValues, parseForm, RawForm } from '../forms/form-input';
import { CsrfGuard } from '../view/csrf.guard';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { ShownOnce } from '../view/shown-once';
import { isWebhookEventType, WEBHOOK_EVENT_OPTIONS } from './webhook-events';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('webhook') });

const FORM = {
  url: { kind: 'text', message: 'Enter the full web address of the receiver, starting https://' },
  eventTypes: { kind: 'checkboxes', message: 'Choose events from the list, or none to receive every event' },
} as const;

const DELIVERY_STATUS: Record<WebhookDelivery['status'], string> = {
  pending: 'Waiting or retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** The query's value when it names one of these ids; anything else typed into the address is ignored. */
const named = (value: unknown, ids: string[]): string | undefined =>
  typeof value === 'string' && ids.includes(value) ? value : undefined;

/**
 * Signed webhooks for administrators: who receives which incident events, adding one (its
 * signing secret shown once), removing one, and each one's recent deliveries. The same
 * service and DTO as the JSON API (`/api/v1/admin/webhooks`).
 */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('admin/webhooks')
export class AdminWebhooksPagesController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly shownOnce: ShownOnce,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @Roles('admin')
  list(@Req() req: PageRequest, @Res() res: Response) {
    return this.renderList(req, res, { url: '', eventTypes: [] }, []);
  }

  @Post()
  @Roles('admin')
  async add(@Req() req: PageRequest, @Res() res: Response, @Body() body: RawForm) {
    const parsed = await parseForm(CreateWebhookDto, FORM, body);
    const errors: FieldError[] = parsed.ok ? [] : parsed.errors;
    // The API takes any event name; the form offers the events there are, and takes only those.
    if (parsed.ok && !parsed.value.eventTypes.every(isWebhookEventType)) {
      errors.push({ field: 'eventTypes', message: FORM.eventTypes.message });
    }
    if (!parsed.ok || errors.length) return this.renderList(req, res, keepValues(body), errors, 400);
    try {
      const created = await this.subscriptions.create(parsed.value.url, parsed.value.eventTypes, actorOf(req).id);
      this.shownOnce.put(req, res, 'webhook-secret', `${created.id} ${created.secret}`);
      res.redirect(303, `/admin/webhooks?added=${created.id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'rule') throw error;
      return this.renderList(req, res, keepValues(body), [{ field: 'url', message: error.message }], 422);
    }
  }

  @Get(':id')
  @Roles('admin')
  async deliveries(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string) {
    const subscription = await this.subscriptions.get(id);
    const deliveries = (await this.subscriptions.deliveries(id)).map((d) => ({
      ...d,
      statusText: DELIVERY_STATUS[d.status] ?? d.status,
      // Why the last attempt failed, while that still matters: not once it went through.
      problem: d.status === 'delivered' ? undefined : d.lastError,
    }));
    this.pages.render(req, res, 'admin-webhook', {
      title: 'Webhook deliveries',
      subscription: { ...subscription, events: subscription.eventTypes.join(', ') },
      deliveries,
    });
  }

  @Post(':id/remove')
  @Roles('admin')
  async remove(@Res() res: Response, @Param('id', uuid) id: string) {
    await this.subscriptions.deactivate(id);
    res.redirect(303, `/admin/webhooks?removed=${id}`);
  }

  private async renderList(
    req: PageRequest,
    res: Response,
    values: Record<string, unknown>,
    errors: FieldError[],
    status = 200,
  ) {
    const all = await this.subscriptions.list();
    const ids = all.map((s) => s.id);
    const added = named(req.query.added, ids);
    // The secret travels from the form to this page once; it is kept nowhere the page can read it again.
    const kept = this.shownOnce.take(req, res, 'webhook-secret');
    const [keptId, secret] = kept?.split(' ') ?? [];
    const subscriptions = [...all].reverse().map((s) => ({ ...s, events: s.eventTypes.join(', ') }));
    this.pages.render(
      req,
      res,
      'admin-webhooks',
      {
        title: 'Webhooks',
        subscriptions,
        added: added && all.find((s) => s.id === added),
        secret: added && keptId === added ? secret : undefined,
        removed: named(req.query.removed, ids) !== undefined,
        events: WEBHOOK_EVENT_OPTIONS,
        values,
        errors: anchored('webhook', errors),
      },
      status,
    );
  }
}
