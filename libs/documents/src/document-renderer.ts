import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import type { IncidentState } from '#libs/incidents';
import { assetPath } from '#libs/shared';
import { DOCUMENT_KINDS, type DocumentContext, type DocumentKind, type RenderedDocument } from './document-context';
import { icoReportView } from './ico-report.view';
import { lessonsCircularView } from './lessons-circular.view';
import { registerEntryView } from './register-entry.view';
import { subjectsLetterView } from './subjects-letter.view';
import { rootFields } from './template-fields';
import { filenameFor } from './view-common';

export type TemplateFormat = 'html' | 'text';
export type TemplateName = `${DocumentKind}.${TemplateFormat}`;

const VIEWS: { [K in DocumentKind]: (s: IncidentState, ctx: DocumentContext) => object } = {
  'ico-report': icoReportView,
  'subjects-letter': subjectsLetterView,
  'register-entry': registerEntryView,
  'lessons-circular': lessonsCircularView,
};

interface CompiledTemplate {
  render: Handlebars.TemplateDelegate;
  fields: Set<string>;
}

/**
 * Renders the breach documents from the fixed templates in `libs/documents/templates`. Each
 * view builder formats every field first, so templates hold no logic; a field a template
 * needs and the view lacks throws rather than printing a gap in a regulatory document.
 */
@Injectable()
export class DocumentRenderer {
  private readonly templates = new Map<TemplateName, CompiledTemplate>();

  constructor() {
    // An isolated instance: nothing registered elsewhere (helpers, partials) can reach these templates.
    const hbs = Handlebars.create();
    const dir = assetPath('documents', 'templates');
    hbs.registerPartial('style', readFileSync(join(dir, 'partials', 'style.html.hbs'), 'utf8'));
    for (const kind of DOCUMENT_KINDS) {
      for (const format of ['html', 'text'] as const) {
        const ast = hbs.parse(readFileSync(join(dir, `${kind}.${format}.hbs`), 'utf8'));
        const render = hbs.compile(ast, {
          strict: true,
          // No helpers are registered, so a template can only read fields, never call code.
          knownHelpersOnly: true,
          // Plain text is not HTML: `&lt;` in a letter or an email would be a bug.
          noEscape: format === 'text',
        });
        this.templates.set(`${kind}.${format}`, { render, fields: rootFields(ast) });
      }
    }
  }

  render(kind: DocumentKind, incident: IncidentState, context: DocumentContext): RenderedDocument {
    const view = VIEWS[kind](incident, context);
    return {
      html: this.renderTemplate(`${kind}.html`, view),
      text: this.renderTemplate(`${kind}.text`, view),
      filename: filenameFor(incident, kind),
    };
  }

  /** One template against a view; public so a test can prove an incomplete view fails loudly. */
  renderTemplate(name: TemplateName, view: object): string {
    const template = this.templates.get(name);
    if (!template) throw new Error(`No document template ${name}`);
    const missing = [...template.fields].filter((f) => !Object.hasOwn(view, f));
    if (missing.length) throw new Error(`The view for ${name} lacks ${missing.join(', ')}`);
    return template.render(view);
  }
}
