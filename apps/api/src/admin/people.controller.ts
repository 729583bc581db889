import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { NotFoundError } from '#libs/shared';
import { PeopleAdminService } from './people-admin.service';
import { PersonChangeDto } from './person-change.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('person') });

/** The directory as an administrator keeps it: absences, deputies, the EMT member on duty. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/people')
export class PeopleController {
  constructor(private readonly people: PeopleAdminService) {}

  @Get()
  @Roles('admin')
  list() {
    return this.people.list();
  }

  @Patch(':id')
  @Roles('admin')
  change(@Param('id', uuid) id: string, @Body() dto: PersonChangeDto) {
    return this.people.change(id, dto);
  }
}
