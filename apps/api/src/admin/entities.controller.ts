import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '#libs/auth';
import { NotFoundError } from '#libs/shared';

class RetentionDto {
  @ApiProperty({
    minimum: 1,
    maximum: 600,
    description: 'Months after closure before personal details are erased (policy §8).',
  })
  @IsInt()
  @Min(1)
  @Max(600)
  retentionMonths!: number;
}

/** The group's entities and the retention period each keeps incidents for. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/entities')
export class EntitiesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin', 'dpo', 'governance', 'auditor')
  list() {
    return this.dataSource.query(
      'SELECT id, name, short_name AS "shortName", retention_months AS "retentionMonths" FROM group_entities ORDER BY name',
    );
  }

  @Patch(':id')
  @Roles('admin')
  async setRetention(@Param('id') id: string, @Body() dto: RetentionDto) {
    const [rows]: [{ id: string; retentionMonths: number }[], number] = await this.dataSource.query(
      'UPDATE group_entities SET retention_months = $2 WHERE id = $1 RETURNING id, retention_months AS "retentionMonths"',
      [id, dto.retentionMonths],
    );
    if (!rows[0]) throw new NotFoundError('entity');
    return rows[0];
  }
}
