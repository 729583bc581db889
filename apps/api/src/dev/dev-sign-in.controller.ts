import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Public, TokenService } from '#libs/auth';
import { DirectoryService } from '#libs/directory';
import { SmtpCatcher } from '#libs/notifications';
import { NotFoundError } from '#libs/shared';
import { RateLimit } from '../http/rate-limit.guard';

class DevSignInDto {
  @ApiProperty({ format: 'uuid', description: 'A person of the demo directory (GET /api/v1/dev/people).' })
  @IsUUID()
  personId!: string;
}

/**
 * Development and tests only: the service is its own token issuer. The module that holds
 * this controller is not imported when NODE_ENV is production, so the route does not exist.
 */
@ApiTags('development')
@Public()
@Controller('api/v1/dev')
export class DevSignInController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly tokens: TokenService,
  ) {}

  @Get('people')
  async people() {
    const people = await this.directory.listPeople();
    return people.map((p) => ({ id: p.id, displayName: p.displayName, roles: p.roles }));
  }

  /** Mail caught by the embedded SMTP catcher (when API and worker share a process: `npm start`). */
  @Get('mail')
  mail() {
    const catcher = SmtpCatcher.current;
    if (!catcher) return { catcher: false, messages: [] };
    return { catcher: true, messages: [...catcher.messages].reverse() };
  }

  @Post('sign-in')
  @RateLimit('sign-in')
  @HttpCode(200)
  async signIn(@Body() dto: DevSignInDto) {
    const person = await this.directory.findPerson(dto.personId);
    if (!person) throw new NotFoundError('person');
    const accessToken = await this.tokens.mint({ id: person.id, roles: person.roles, partnerId: person.partnerId });
    return { accessToken, tokenType: 'Bearer', roles: person.roles };
  }
}
