import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { FormRoutes, Roles } from '#libs/auth';
import * as I from '#libs/incidents';
import { NotFoundError } from '#libs/shared';
import { CsrfGuard } from '../view/csrf.guard';
import { PageErrorFilter } from '../view/page-error.filter';
import { ROOT_CAUSE_LABELS } from '../view/labels';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('lessons') });
/** Anyone a circular can reach (the API's own list). */
const RECIPIENTS = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor'] as const;

/** Policy §6.9: the lessons-learnt circulars sent to me, to read and confirm I have read. */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('lessons')
export class LessonsPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @Roles(...RECIPIENTS)
  async mine(@Req() req: PageRequest, @Res() res: Response) {
    const circulars = (await this.queries.execute(new I.MyLessonsQuery(actorOf(req)))) as I.LessonsCircular[];
    const done = req.query.done === 'acknowledged' ? 'Thank you: recorded that you have read them.' : undefined;
    this.pages.render(req, res, 'my-lessons', {
      title: 'Lessons learnt',
      done,
      unread: circulars.filter((c) => !c.acknowledged).map(withLabel),
      read: circulars.filter((c) => c.acknowledged).map(withLabel),
    });
  }

  @Post(':id/acknowledge')
  @Roles(...RECIPIENTS)
  async acknowledge(@Req() req: PageRequest, @Res() res: Response, @Param('id', uuid) id: string) {
    await this.commands.execute(new I.AcknowledgeLessonsCommand(id, actorOf(req)));
    res.redirect(303, '/lessons?done=acknowledged');
  }
}

const withLabel = (c: I.LessonsCircular) => ({ ...c, rootCause: ROOT_CAUSE_LABELS[c.rootCause] ?? c.rootCause });
