import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { DirectoryService } from '#libs/directory';
import { DOCUMENT_KINDS, DocumentKind, DocumentRenderer } from '#libs/documents';
import type { IncidentState } from '#libs/incidents';
import { Clock, DomainError, NotFoundError } from '#libs/shared';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new NotFoundError() });

/**
 * The ICO report, the letter to data subjects and the register entry, downloadable and
 * never emailed. They print the breach's free text in full, special category included, so
 * only the DPO and the Head of Governance may produce them.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/v1/incidents/:id/documents')
export class DocumentsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly renderer: DocumentRenderer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':kind')
  @Roles('dpo', 'governance')
  @ApiProduces('text/html', 'text/plain')
  @ApiQuery({ name: 'format', enum: ['html', 'text'], required: false })
  @ApiQuery({ name: 'download', type: Boolean, required: false })
  @Header('Cache-Control', 'no-store')
  async document(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('kind') kind: string,
    @Query('format') format = 'html',
    @Query('download') download: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw new NotFoundError('document');
    if (format !== 'html' && format !== 'text') {
      throw new DomainError('invalid_format', 'format must be html or text.', 'invalid');
    }
    const [row]: { detail: IncidentState }[] = await this.dataSource.query(
      'SELECT detail FROM incidents WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFoundError();
    const [dpo] = await this.directory.dpoOrDeputy();
    const document = this.renderer.render(kind as DocumentKind, row.detail, {
      entityName: (await this.directory.entityName(row.detail.report.entityId)) ?? row.detail.report.entityId,
      dpo: {
        name: dpo?.displayName ?? 'Data Protection Officer',
        email: dpo?.email ?? '',
        phone: this.config.DPO_PHONE,
      },
      now: this.clock.now(),
    });
    await this.dataSource.query(
      'INSERT INTO incident_access_log (incident_id, actor_id, actor_roles, action) VALUES ($1, $2, $3, $4)',
      [id, p.id, p.roles, `document:${kind}`],
    );
    const filename = `${document.filename}.${format === 'html' ? 'html' : 'txt'}`;
    res.type(format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.setHeader('Content-Disposition', `${download === 'true' ? 'attachment' : 'inline'}; filename="${filename}"`);
    res.send(format === 'html' ? document.html : document.text);
  }
}
