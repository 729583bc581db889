import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { ApiKeysService, CurrentPrincipal, Principal, Roles } from '#libs/auth';
import { NotFoundError } from '#libs/shared';

class IssueKeyDto {
  @ApiProperty({ example: 'Repairs portal', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;
}

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('partner') });

/** Partner organisations and their API keys (policy §6.8). A key is shown once, when issued. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/partners')
export class PartnersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeysService,
  ) {}

  @Get()
  @Roles('admin')
  list() {
    return this.dataSource.query('SELECT id, name FROM partners ORDER BY name');
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
