import { Body, Controller, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { FormRoutes, Roles } from '#libs/auth';
import type { RawForm } from '../forms/form-input';
import { CsrfGuard } from '../view/csrf.guard';
import * as L from '../view/labels';
import { PageErrorFilter } from '../view/page-error.filter';
import { factsFromForm } from './assessment-form';
import { previewOf } from './incident-page';

/**
 * The system's recommendation for the facts on the assessment form, as an HTML fragment the
 * incident page's script puts in place while the DPO answers. It reads no incident (so it
 * writes nothing to the incident's access log) and records nothing. Incomplete facts: 422, empty.
 */
@FormRoutes()
@UseGuards(CsrfGuard)
@UseFilters(PageErrorFilter)
@Controller('assessment')
export class AssessmentPreviewPagesController {
  @Post('preview')
  @Roles('dpo', 'governance')
  preview(@Res() res: Response, @Body() body: RawForm) {
    const facts = factsFromForm(body);
    res.setHeader('Cache-Control', 'no-store');
    res.status(facts.ok ? 200 : 422).render('assessment-recommendation', {
      layout: false,
      preview: facts.ok ? previewOf(facts.recommendation) : undefined,
      labels: L,
    });
  }
}
