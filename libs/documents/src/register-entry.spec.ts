import { DomainError } from '#libs/shared';
import { DocumentRenderer } from './document-renderer';
import {
  ENTITY,
  assessed,
  at,
  context,
  decided,
  dpo,
  headingPositions,
  reported,
  submitted,
} from './testing/incident-fixtures';

const SECTIONS = [
  'Times',
  'Facts',
  'Effects',
  'Remedial action',
  'Decision and reasons',
  'Recommendation',
  'Not a breach',
];

const notReported = () =>
  decided({
    notifyIco: false,
    icoReasons: 'The letter came back unopened the same day.',
    notifySubjects: false,
    subjectsReasons: 'No one read it.',
    justification: 'Recovered unopened, so the risk did not materialise.',
  });

describe('breach register entry', () => {
  const renderer = new DocumentRenderer();

  it('records the facts, effects, remedial action and reasons of a breach not reported (Art. 33(5))', () => {
    const doc = renderer.render('register-entry', notReported().state, context());
    for (const format of ['html', 'text'] as const) {
      const out = doc[format];
      const positions = headingPositions(out, format, SECTIONS);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(out).toContain('BR-2027-0042');
      expect(out).toContain(ENTITY.name);
      expect(out).toContain('25 March 2027, 09:00 GMT');
      expect(out).toContain('27 March 2027, 10:00 GMT');
      expect(out).toContain('27 March 2027, 15:00 GMT (decision not to notify)');
      expect(out).toContain('The letter came back unopened the same day.');
      expect(out).toContain('No one read it.');
      expect(out).toContain('Recovered unopened, so the risk did not materialise.');
      expect(out).toContain('3.25 (high)');
      expect(out).toContain('Recovered the letter unopened.');
      expect(out).not.toContain('DRAFT');
    }
    expect(doc.text).toContain('Not notified to the ICO: 27 March 2027, 15:00 GMT');
  });

  it('records the reason for closing an incident as not a breach, with no assessment', () => {
    const incident = reported();
    incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
    incident.closeAsNotBreach('The letter held no personal data.', dpo, at('2027-03-27T12:30:00Z'));
    const { text } = renderer.render('register-entry', incident.state, context());
    expect(text).toContain('Status: Closed: not a personal data breach');
    expect(text).toContain('Reason for closing as not a breach: The letter held no personal data.');
    expect(text).toContain('Not notified to the ICO: 27 March 2027, 12:30 GMT (closed as not a breach)');
    expect(text).toContain('ENISA severity score: Not yet assessed');
  });

  it('is marked as a draft while no decision not to notify exists', () => {
    const { html, text } = renderer.render('register-entry', assessed().state, context());
    expect(html).toContain('<p class="draft">DRAFT — no notification decision has been recorded</p>');
    expect(text).toContain('*** DRAFT — no notification decision has been recorded ***');
  });

  it('is refused for a breach reported to the ICO, whose record is the ICO report', () => {
    const state = submitted('2027-03-28T09:00:00Z', null);
    expect(() => renderer.render('register-entry', state, context())).toThrow(DomainError);
    expect(() => renderer.render('register-entry', state, context())).toThrow(/reported to the ICO/);
  });
});
