import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { FormRoutes, Public, sessionCookie, SessionStore, WebSession } from '#libs/auth';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { DirectoryService } from '#libs/directory';
import { NotFoundError } from '#libs/shared';
import { anchored } from '../forms/form-input';
import { CsrfGuard } from '../view/csrf.guard';
import { PageErrorFilter, safeNext } from '../view/page-error.filter';
import { PageRenderer, PageRequest } from '../view/page-renderer';
import { OidcSignIn, PendingSignIn } from './oidc-sign-in';

const PENDING_COOKIE = 'bd_oidc';
const PENDING_MAX_AGE_MS = 10 * 60_000;

/** Signing in and out of the pages: the group's identity provider, or in development a demo person. */
@Public()
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller()
export class AuthPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: SessionStore,
    private readonly directory: DirectoryService,
    private readonly oidc: OidcSignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sign-in')
  signInPage(@Req() req: PageRequest, @Res() res: Response, @Query('next') next?: string) {
    return this.renderSignIn(req, res, next);
  }

  private async renderSignIn(req: PageRequest, res: Response, next: string | undefined, error?: string) {
    const people = this.config.devIssuer ? await this.directory.listPeople() : [];
    this.pages.render(
      req,
      res,
      'sign-in',
      {
        title: 'Sign in',
        next: safeNext(next),
        oidc: this.oidc.enabled,
        demo: this.config.devIssuer,
        people: people.map((p) => ({ id: p.id, name: p.displayName, roles: p.roles.join(', ') })),
        errors: error ? anchored('person', [{ field: 'personId', message: error }]) : [],
      },
      error ? 400 : 200,
    );
  }

  /** Development only: sign in as a person of the demo directory, no password. */
  @Post('sign-in/demo')
  async demoSignIn(@Req() req: PageRequest, @Res() res: Response, @Body() body: Record<string, string | undefined>) {
    if (!this.config.devIssuer) throw new NotFoundError('page');
    const person =
      body.personId && /^[0-9a-f-]{36}$/.test(body.personId)
        ? await this.directory.findPerson(body.personId)
        : undefined;
    if (!person) return this.renderSignIn(req, res, body.next, 'Choose who you want to sign in as');
    const session = {
      principal: { id: person.id, roles: person.roles, partnerId: person.partnerId },
      displayName: person.displayName,
    };
    await this.startSession(req, res, session, safeNext(body.next));
  }

  @Get('auth/oidc')
  async oidcStart(@Res() res: Response, @Query('next') next?: string) {
    if (!this.oidc.enabled) throw new NotFoundError('page');
    const { url, pending } = await this.oidc.start(safeNext(next));
    res.cookie(PENDING_COOKIE, JSON.stringify(pending), {
      ...sessionCookie(this.config).options,
      signed: true,
      maxAge: PENDING_MAX_AGE_MS,
    });
    res.redirect(303, url);
  }

  @Get('auth/callback')
  async oidcCallback(@Req() req: PageRequest, @Res() res: Response) {
    if (!this.oidc.enabled) throw new NotFoundError('page');
    const raw = (req.signedCookies as Record<string, string | false | undefined>)[PENDING_COOKIE];
    res.clearCookie(PENDING_COOKIE, sessionCookie(this.config).options);
    const pending = typeof raw === 'string' ? (JSON.parse(raw) as PendingSignIn) : undefined;
    if (!pending)
      return this.refuse(req, res, 'The sign-in took too long, or was started in another window. Try again.');
    const person = await this.oidc.finish(new URL(req.originalUrl, 'http://pages').search, pending).catch(() => null);
    if (person === null) return this.refuse(req, res, 'The identity provider did not complete the sign-in. Try again.');
    if (!person) {
      return this.refuse(req, res, 'Your account has no Breach Desk role. Ask the service desk for access.');
    }
    const { name, ...principal } = person;
    await this.startSession(req, res, { principal, displayName: name }, pending.next);
  }

  @Post('sign-out')
  async signOut(@Req() req: PageRequest, @Res() res: Response) {
    const cookie = sessionCookie(this.config);
    const id = (req.cookies as Record<string, string | undefined>)[cookie.name];
    if (id) await this.sessions.destroy(id);
    res.clearCookie(cookie.name, cookie.options);
    res.redirect(303, '/sign-in');
  }

  private refuse(req: PageRequest, res: Response, message: string) {
    const action = { href: '/sign-in', text: 'Try again' };
    this.pages.render(req, res, 'error', { title: 'You could not be signed in', message, action }, 400);
  }

  /** A new id at every sign-in (an id known before sign-in is never promoted), the old one ended. */
  private async startSession(req: PageRequest, res: Response, session: WebSession, next: string) {
    const cookie = sessionCookie(this.config);
    const previous = (req.cookies as Record<string, string | undefined>)[cookie.name];
    if (previous) await this.sessions.destroy(previous);
    const id = await this.sessions.create(session);
    res.cookie(cookie.name, id, cookie.options);
    res.redirect(303, next);
  }
}
