import { DomainError } from '#libs/shared';
import { DocumentRenderer } from './document-renderer';
import { DEFAULT_ADVICE } from './subjects-letter.view';
import {
  ENTITY,
  assessed,
  context,
  decided,
  dpo,
  headingPositions,
  reported,
  reporter,
  submitted,
} from './testing/incident-fixtures';

const SECTIONS = [
  'What happened',
  'What information was involved',
  'What this could mean for you',
  'What we have done',
  'What you can do',
  'Who to contact',
  'Your right to complain',
];

describe('letter to data subjects', () => {
  const renderer = new DocumentRenderer();

  it('is addressed to "Dear resident" and covers each Art. 34(2) point, in HTML and in text', () => {
    const doc = renderer.render('subjects-letter', decided().state, context());
    for (const format of ['html', 'text'] as const) {
      const out = doc[format];
      const positions = headingPositions(out, format, SECTIONS);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(out).toContain('Dear resident,');
      expect(out).toContain('BR-2027-0042');
      expect(out).toContain(ENTITY.name);
      expect(out).toContain('dpo@connexus.example');
      expect(out).toContain('01432 000 111');
      expect(out).toContain('ico.org.uk');
      expect(out).toContain('0303 123 1113');
      expect(out).toContain('This happened on 25 March 2027.');
      expect(out).toContain('Someone could try to use your financial details to commit fraud.');
      expect(out).toContain('Recovered the letter unopened.');
    }
  });

  it('never carries the id of the reporter, the owner or the decider', () => {
    const state = submitted('2027-03-28T09:00:00Z', null);
    const doc = renderer.render('subjects-letter', state, context());
    for (const id of [reporter.id, dpo.id, state.reportedBy, state.ownerId!, state.decision!.by]) {
      expect(doc.html).not.toContain(id);
      expect(doc.text).not.toContain(id);
    }
    expect(doc.text).toContain('We reported this to the Information Commissioner');
  });

  it("uses the DPO's plain account and advice when given, and a general paragraph otherwise", () => {
    const state = decided().state;
    const general = renderer.render('subjects-letter', state, context());
    expect(general.text).toContain('A rent arrears letter was posted to the wrong address.');
    expect(general.text).toContain(DEFAULT_ADVICE);
    const own = renderer.render(
      'subjects-letter',
      state,
      context({ plainSummary: 'We sent a letter about your rent to another address.', adviceToSubjects: 'Call us.' }),
    );
    expect(own.text).toContain('What happened\n-------------\nWe sent a letter about your rent to another address.');
    expect(own.text).toContain('What you can do\n---------------\nCall us.');
    expect(own.text).not.toContain(DEFAULT_ADVICE);
  });

  it('escapes the plain account in HTML and keeps it verbatim in text', () => {
    const plainSummary = 'A letter about <b>rent</b> & "arrears"';
    const doc = renderer.render('subjects-letter', decided().state, context({ plainSummary }));
    expect(doc.html).toContain('A letter about &lt;b&gt;rent&lt;/b&gt; &amp; &quot;arrears&quot;');
    expect(doc.text).toContain(plainSummary);
  });

  it('can be previewed as a draft once assessed, and is marked as one until the decision to tell', () => {
    const marker = 'DRAFT — no decision to tell the people affected has been recorded';
    expect(renderer.render('subjects-letter', assessed().state, context()).text).toContain(marker);
    const toldNot = decided({ notifySubjects: false, justification: 'Recovered unopened.' });
    expect(renderer.render('subjects-letter', toldNot.state, context()).html).toContain(marker);
    const told = renderer.render('subjects-letter', decided().state, context());
    expect(told.html).not.toContain('DRAFT');
    expect(told.text).not.toContain('DRAFT');
  });

  it('refuses before any assessment, when the consequences are not yet known', () => {
    expect(() => renderer.render('subjects-letter', reported().state, context())).toThrow(DomainError);
    expect(() => renderer.render('subjects-letter', reported().state, context())).toThrow(/risk assessment/);
  });
});
