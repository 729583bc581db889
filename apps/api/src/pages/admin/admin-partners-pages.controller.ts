import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiKeysService, FormRoutes, Roles } from '#libs/auth';
import { DirectoryService } from '#libs/directory';
import { NotFoundError } from '#libs/shared';
import { IssueKeyDto } from '../../admin/api-key.dto';
import { anchored, FieldError, keepValues, parseForm, RawForm } from '../forms/form-input';
import { CsrfGuard } from '../view/csrf.guard';
import { PageErrorFilter } from '../view/page-error.filter';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { ShownOnce } from '../view/shown-once';

const partnerId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('partner') });
const keyId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('api_key') });

const FORM = { label: { kind: 'text', message: 'Enter a name for the key, up to 100 characters' } } as const;

/** What a key starts with (`bdk_` and its id): enough to tell keys apart, nothing to sign in with. */
const keyStart = (id: string) => `bdk_${id.replaceAll('-', '').slice(0, 8)}…`;

/**
 * Partner organisations (contractors, data-sharing partners: policy §6.8) and the API keys they
 * report with, for administrators: issue a key (shown once), revoke one. The same service and
 * DTO as the JSON API (`/api/v1/admin/partners`).
 */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('admin/partners')
export class AdminPartnersPagesController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly keys: ApiKeysService,
    private readonly shownOnce: ShownOnce,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @Roles('admin')
  list(@Req() req: PageRequest, @Res() res: Response) {
    return this.render(req, res);
  }

  @Post(':id/api-keys')
  @Roles('admin')
  async issue(
    @Req() req: PageRequest,
    @Res() res: Response,
    @Param('id', partnerId) id: string,
    @Body() body: RawForm,
  ) {
    const parsed = await parseForm(IssueKeyDto, FORM, body);
    if (!parsed.ok) {
      if (!(await this.directory.listPartners()).some((p) => p.id === id)) throw new NotFoundError('partner');
      return this.render(req, res, { id, errors: parsed.errors, values: keepValues(body) }, 400);
    }
    const issued = await this.keys.issue(id, parsed.value.label, actorOf(req).id);
    this.shownOnce.put(req, res, 'api-key', issued.key);
    res.redirect(303, `/admin/partners?issued=${issued.id}#partner-${id}`);
  }

  @Post(':id/api-keys/:keyId/revoke')
  @Roles('admin')
  async revoke(@Res() res: Response, @Param('id', partnerId) id: string, @Param('keyId', keyId) key: string) {
    await this.keys.revoke(id, key);
    res.redirect(303, `/admin/partners?revoked=${key}#partner-${id}`);
  }

  private async render(
    req: PageRequest,
    res: Response,
    refused?: { id: string; errors: FieldError[]; values: Record<string, unknown> },
    status = 200,
  ) {
    // The key travels from the form to this page once; only its hash is stored.
    const kept = this.shownOnce.take(req, res, 'api-key');
    const partners = await Promise.all(
      (await this.directory.listPartners()).map(async (p) => {
        const keys = (await this.keys.list(p.id)).map((k) => ({
          ...k,
          start: keyStart(k.id),
          issued: req.query.issued === k.id,
          revokedNow: req.query.revoked === k.id,
        }));
        const issued = keys.find((k) => k.issued);
        return {
          ...p,
          keys,
          issued,
          // Shown only beside the key it is: the kept value names its own id.
          key: issued && kept?.startsWith(`bdk_${issued.id.replaceAll('-', '')}_`) ? kept : undefined,
          revoked: keys.find((k) => k.revokedNow),
          values: refused?.id === p.id ? refused.values : { label: '' },
        };
      }),
    );
    const errors = refused ? anchored(`partner-${refused.id}`, refused.errors) : [];
    this.pages.render(req, res, 'admin-partners', { title: 'Partner API keys', partners, errors }, status);
  }
}
