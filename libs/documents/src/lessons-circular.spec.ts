import { DomainError } from '#libs/shared';
import { DocumentRenderer } from './document-renderer';
import { context, decided, ENTITY, headingPositions, withLessons } from './testing/incident-fixtures';

const SECTIONS = ['What went wrong', 'What happened and why', 'What changes', 'Actions', 'Questions'];

describe('lessons-learnt circular', () => {
  const renderer = new DocumentRenderer();

  it('tells colleagues what went wrong, why, what changes and the actions, in HTML and in text', () => {
    const doc = renderer.render('lessons-circular', withLessons().state, context());
    expect(doc.filename).toBe('BR-2027-0042-lessons-circular');
    for (const format of ['html', 'text'] as const) {
      const out = doc[format];
      const positions = headingPositions(out, format, SECTIONS);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(out).toContain('BR-2027-0042');
      expect(out).toContain(ENTITY.name);
      expect(out).toContain('Email or post sent to the wrong person');
      expect(out).toContain('Addresses are now confirmed at every tenancy review.');
      expect(out).toMatch(/Check addresses of all open arrears cases[\s\S]*30 April 2027[\s\S]*Done/);
      expect(out).toMatch(/Add an address check to the review form[\s\S]*14 May 2027[\s\S]*Open/);
      expect(out).toContain('dpo@connexus.example');
    }
  });

  it("carries none of the report's own words: the breach's details stay on the incident", () => {
    const incident = withLessons();
    const { html, text } = renderer.render('lessons-circular', incident.state, context());
    for (const reported of [incident.state.report.summary, incident.state.report.howDiscovered]) {
      expect(html).not.toContain(reported);
      expect(text).not.toContain(reported);
    }
  });

  it('is refused until lessons are recorded', () => {
    expect(() => renderer.render('lessons-circular', decided().state, context())).toThrow(DomainError);
    expect(() => renderer.render('lessons-circular', decided().state, context())).toThrow(/lessons learnt/);
  });
});
