import { ConfirmAwarenessDto, SubjectsNotifiedDto } from '../../incidents/incident-commands.dto';
import { ReportIncidentDto } from '../../incidents/report-incident.dto';
import { convertForm, parseForm } from './form-input';

describe('convertForm', () => {
  it('turns form strings into what the API expects', () => {
    const converted = convertForm(
      {
        at: { kind: 'london-time', message: '' },
        count: { kind: 'optional-integer', message: '' },
        none: { kind: 'optional-integer', message: '' },
        ticked: { kind: 'checkbox', message: '' },
        unticked: { kind: 'checkbox', message: '' },
        one: { kind: 'checkboxes', message: '' },
        zero: { kind: 'checkboxes', message: '' },
        yes: { kind: 'yes-no', message: '' },
        unknown: { kind: 'yes-no-unknown', message: '' },
      },
      {
        at: '2027-07-01T11:00',
        count: '1,200',
        none: '',
        ticked: 'on',
        one: 'tenants',
        yes: 'yes',
        unknown: 'unknown',
      },
    );
    expect(converted).toEqual({
      at: '2027-07-01T10:00:00.000Z',
      count: 1200,
      none: null,
      ticked: true,
      unticked: false,
      one: ['tenants'],
      zero: [],
      yes: true,
      unknown: null,
    });
  });
});

describe('parseForm', () => {
  it('accepts what the DTO accepts', async () => {
    const result = await parseForm(
      ConfirmAwarenessDto,
      {
        awareAt: { kind: 'london-time', message: 'Enter when' },
        justification: { kind: 'text', message: 'Say why' },
      },
      { awareAt: '2027-01-15T09:30', justification: 'The recipient confirmed it.', _csrf: 'x' },
    );
    expect(result).toEqual({
      ok: true,
      value: { awareAt: '2027-01-15T09:30:00.000Z', justification: 'The recipient confirmed it.' },
    });
  });

  it('names each refused field with its own words, in the order of the form', async () => {
    const result = await parseForm(
      SubjectsNotifiedDto,
      {
        notifiedAt: { kind: 'london-time', message: 'Enter when people were told' },
        method: { kind: 'text', message: 'Choose how' },
        count: { kind: 'integer', message: 'Enter how many people, as a number' },
      },
      { notifiedAt: '2027-03-28T01:30', method: 'email', count: 'forty' },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'notifiedAt', message: 'Enter when people were told' },
        { field: 'count', message: 'Enter how many people, as a number' },
      ],
    });
  });

  it('refuses a report without categories', async () => {
    const result = await parseForm(
      ReportIncidentDto,
      { dataCategories: { kind: 'checkboxes', message: 'Choose at least one kind of information' } },
      {},
    );
    expect(result.ok).toBe(false);
  });
});
