import { DocumentRenderer } from './document-renderer';
import { DELAY_PLACEHOLDER } from './ico-report.view';
import {
  DEADLINE_UK,
  ENTITY,
  assessed,
  at,
  context,
  decided,
  dpo,
  external,
  headingPositions,
  ransomware,
  reported,
  submitted,
} from './testing/incident-fixtures';

// The ICO breach report form's order (REGULATORY.md §1.2).
const SECTIONS = [
  'Report type',
  'About the organisation',
  'What has happened',
  'Cyber incident',
  'How and when the breach was found',
  'When the breach happened',
  'Personal data',
  'Data subjects',
  'Likely consequences',
  'Measures taken and proposed',
  'Telling data subjects',
  'Contact point',
  'Other organisations told',
  'Reasons for any delay',
];
const DRAFT = 'DRAFT — not yet submitted';

describe('ICO report', () => {
  const renderer = new DocumentRenderer();

  it('lays the sections out in the order of the ICO form, in HTML and in text', () => {
    const doc = renderer.render('ico-report', decided().state, context());
    for (const format of ['html', 'text'] as const) {
      const positions = headingPositions(doc[format], format, SECTIONS);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('shows the reference, the UK-time deadline, the controller and the DPO as contact point', () => {
    const doc = renderer.render('ico-report', decided().state, context());
    for (const out of [doc.html, doc.text]) {
      expect(out).toContain('BR-2027-0042');
      expect(out).toContain(`ICO deadline (72 hours)`);
      expect(out).toContain(DEADLINE_UK);
      expect(out).toContain('27 March 2027, 10:00 GMT (provisional');
      expect(out).toContain(ENTITY.name);
      expect(out).toContain('Dana Price');
      expect(out).toContain('dpo@connexus.example');
      expect(out).toContain('01432 000 111');
      expect(out).toContain('Economic or financial data');
      expect(out).toContain('Initial report');
    }
  });

  it('is a draft until submitted, then a follow-up quoting the ICO case reference', () => {
    const draft = renderer.render('ico-report', decided().state, context());
    expect(draft.html).toContain(DRAFT);
    expect(draft.text).toContain(DRAFT);
    const sent = renderer.render('ico-report', submitted('2027-03-29T09:00:00Z', null), context());
    for (const out of [sent.html, sent.text]) {
      expect(out).not.toContain(DRAFT);
      expect(out).toContain('Follow-up report');
      expect(out).toContain('IC-123456-A1B2');
      expect(out).toContain('Not applicable: reported within 72 hours of becoming aware');
    }
  });

  it('gives the recorded reasons for a late submission (Art. 33(1))', () => {
    const reasons = 'The contractor withheld the access logs until 31 March.';
    const doc = renderer.render('ico-report', submitted('2027-03-31T09:00:00Z', reasons), context());
    expect(doc.text).toContain(`Reasons for any delay\n---------------------\n${reasons}`);
    expect(doc.html).toContain(`<h2>Reasons for any delay</h2>\n<p class="free">${reasons}</p>`);
  });

  it('asks for reasons once a draft is past the deadline, and not before', () => {
    const incident = decided();
    const before = renderer.render('ico-report', incident.state, context({ now: at('2027-03-30T09:59:00Z') }));
    expect(before.text).not.toContain(DELAY_PLACEHOLDER);
    const after = renderer.render('ico-report', incident.state, context({ now: at('2027-03-30T10:01:00Z') }));
    expect(after.text).toContain(DELAY_PLACEHOLDER);
    expect(after.html).toContain(DELAY_PLACEHOLDER);
  });

  it('escapes the summary in HTML and keeps it verbatim in text', () => {
    const summary = 'Sent <script>alert("x")</script> & more';
    const doc = renderer.render('ico-report', reported({ summary }).state, context());
    expect(doc.html).not.toContain('<script>');
    expect(doc.html).toContain('Sent &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(doc.text).toContain(summary);
    expect(doc.text).not.toMatch(/&(lt|gt|amp|quot|#x27);/);
  });

  it('answers the cyber question from the assessed cause', () => {
    const cyber = (state: Parameters<DocumentRenderer['render']>[1]) =>
      renderer.render('ico-report', state, context()).text.match(/caused by a cyber incident\? (.*)/)?.[1];
    expect(cyber(reported().state)).toBe("Don't know");
    expect(cyber(assessed().state)).toBe('No');
    expect(cyber(assessed(ransomware).state)).toBe('Yes');
  });

  it('names the controllers the group processed for, and whether each has been told', () => {
    const incident = decided({}, assessed(undefined, { processorFor: external() }));
    const controllerId = external()[0].controllerId;
    const pending = renderer.render('ico-report', incident.state, context()).text;
    expect(pending).toContain(
      'Processing on behalf of (controllers):\n- Shropshire Council (housing support contract)',
    );
    expect(pending).toContain('- Shropshire Council (housing support contract): not yet told');
    incident.recordControllerNotified(
      { controllerId, notifiedAt: '2027-03-27T16:00:00Z', method: 'email' },
      dpo,
      at('2027-03-27T16:05:00Z'),
    );
    const told = renderer.render(
      'ico-report',
      incident.state,
      context({ controllerNames: { [controllerId]: 'Shropshire Council' } }),
    );
    expect(told.text).toContain('- Shropshire Council: told on 27 March 2027, 16:00 GMT by email');
  });

  it('flags special category data and says how the people affected are told', () => {
    const incident = decided(
      { notifySubjects: false, subjectsExemption: 'disproportionate-effort', justification: 'Public notice instead.' },
      assessed(undefined, { dataCategories: ['health'] }),
    );
    const doc = renderer.render('ico-report', incident.state, context());
    expect(doc.text).toContain('- Health data (special category data)\nSpecial category data: Yes');
    expect(doc.text).toContain('Have you told data subjects? No: decided not to tell them\n- Art. 34(3)(c)');
  });
});
