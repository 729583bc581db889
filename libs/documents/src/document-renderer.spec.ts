import { Test } from '@nestjs/testing';
import { DOCUMENT_KINDS } from './document-context';
import { DocumentRenderer } from './document-renderer';
import { DocumentsModule } from './documents.module';
import { icoReportView } from './ico-report.view';
import { context, submitted, withLessons } from './testing/incident-fixtures';

describe('DocumentRenderer', () => {
  const renderer = new DocumentRenderer();
  const state = submitted('2027-03-28T09:00:00Z', null);
  const view = icoReportView(state, context());

  it('fails loudly when a view lacks a field a template prints', () => {
    const { delay: _delay, ...incomplete } = view;
    expect(() => renderer.renderTemplate('ico-report.html', incomplete)).toThrow(/delay/);
    expect(() => renderer.renderTemplate('ico-report.text', incomplete)).toThrow(/delay/);
  });

  it('fails loudly when a view lacks a field a template only tests or loops over', () => {
    // Handlebars' strict mode lets a missing `{{#if}}`/`{{#each}}` field through as empty.
    const { reasons: _reasons, followUps: _followUps, ...incomplete } = view;
    expect(() => renderer.renderTemplate('ico-report.text', incomplete)).toThrow(
      /reasons, followUps|followUps, reasons/,
    );
  });

  it('fails loudly when an item in a list lacks a field', () => {
    expect(() => renderer.renderTemplate('ico-report.html', { ...view, dpo: { name: 'Dana Price' } })).toThrow(/email/);
  });

  it('produces complete, self-contained HTML pages with no script or external resource', () => {
    for (const kind of DOCUMENT_KINDS) {
      const { html, filename } = renderer.render(kind, withLessons().state, context());
      expect(filename).toBe(`BR-2027-0042-${kind}`);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
      expect(html).toMatch(/<title>[^<]+BR-2027-0042\)?<\/title>/);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<h2>'));
      expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|https?:\/\//i);
      expect(html.trimEnd().endsWith('</html>')).toBe(true);
    }
  });

  it('is provided by DocumentsModule', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DocumentsModule] }).compile();
    expect(moduleRef.get(DocumentRenderer).render('ico-report', state, context()).text).toContain('BR-2027-0042');
  });
});
