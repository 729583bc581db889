import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeysService, CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { DirectoryService } from '#libs/directory';
import { NotFoundError } from '#libs/shared';
import { IssueKeyDto } from './api-key.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('partner') });

/** Partner organisations and their API keys (policy §6.8). A key is shown once, when issued. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/partners')
export class PartnersController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly keys: ApiKeysService,
  ) {}

  @Get()
  @Roles('admin')
  list() {
    return this.directory.listPartners();
  }

  @Get(':id/api-keys')
  @Roles('admin')
  listKeys(@Param('id', uuid) id: string) {
    return this.keys.list(id);
  }

  @Post(':id/api-keys')
  @Roles('admin')
  issue(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() dto: IssueKeyDto) {
    return this.keys.issue(id, dto.label, p.id);
  }

  @Delete(':id/api-keys/:keyId')
  @Roles('admin')
  revoke(@Param('id', uuid) id: string, @Param('keyId', uuid) keyId: string) {
    return this.keys.revoke(id, keyId);
  }
}
