import { csvCell, csvRecord, csvText } from './csv';

describe('CSV cells (RFC 4180)', () => {
  it('quotes every field and doubles quotes inside it', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('writes nothing for null, numbers as they are, lists in one cell', () => {
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(42.5)).toBe('"42.5"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(Number.NaN)).toBe('""');
    expect(csvCell(true)).toBe('"true"');
    expect(csvCell(['health', 'financial'])).toBe('"health; financial"');
  });

  it('ends each record with CRLF', () => {
    expect(csvRecord(['a', 1, null])).toBe('"a","1",""\r\n');
  });
});

describe('spreadsheet formula injection', () => {
  it.each(['=1+2', '+1', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd', '\uFF1D1+2'])('neutralises %j', (value) => {
    expect(csvText(value)).toBe(`'${value}`);
  });

  it('guards a list whose first item starts like a formula', () => {
    expect(csvText(['=cmd', 'x'])).toBe("'=cmd; x");
  });

  it('leaves text that only contains those characters later alone', () => {
    expect(csvText('a=b')).toBe('a=b');
    expect(csvText(' =1')).toBe(' =1');
    expect(csvText('2024-01-01T00:00:00.000Z')).toBe('2024-01-01T00:00:00.000Z');
  });

  it('combines the guard with quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });
});
