import { Module } from '@nestjs/common';
import { PeopleAdminService } from './people-admin.service';

/** What the admin API and the admin pages share. */
@Module({ providers: [PeopleAdminService], exports: [PeopleAdminService] })
export class AdminModule {}
