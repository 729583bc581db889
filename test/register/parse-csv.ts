/**
 * A strict RFC 4180 reader for the tests, written independently of the exporter: fields
 * separated by commas, records by CRLF, quoted fields may hold commas, quotes (doubled) and
 * line breaks. Anything else (a stray quote, a bare LF between records) is an error.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`CSV: ${why} at offset ${i}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') fail('quote or line feed in an unquoted field');
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) fail('expected a comma or CRLF after a field');
  }
  if (record.length) fail('the last record has no CRLF');
  return records;
}

/** Records as objects keyed by the header record. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  for (const r of records) if (r.length !== header.length) throw new Error('CSV: a record has the wrong field count');
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]]))) };
}
