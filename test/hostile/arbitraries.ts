import fc from 'fast-check';

/** Percent-encodes every byte outside the unreserved set; lone surrogates go as U+FFFD, like a browser. */
export function pct(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** What Node lets a client put in a header value: tab, visible ASCII and Latin-1. */
const headerChar = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((c) => c !== 0x7f)
  .map((c) => String.fromCharCode(c));
export const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });

/** Text made of what breaks things: NUL, lone surrogates, bidi overrides, BOM, line separators, quotes. */
export const nastyText = fc.string({
  unit: fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udc00',
    '\u202e',
    '\ufeff',
    '\u2028',
    '\u0085',
    '😀',
    'e\u0301',
    'a',
    ' ',
    '\\',
    '"',
    "'",
    '<',
    '%',
    '\n',
  ),
  minLength: 1,
  maxLength: 30,
});

/** Any text: every code point (lone surrogates included), emoji, combining marks, and the nasty ones. */
const anyText = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme', maxLength }), nastyText);

const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  1e308,
  -1e308,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'null',
  'true',
  '1',
  '-1',
  '1e400',
  '0x10',
  '__proto__',
  'constructor',
  '{}',
  '[]',
  '<script>alert(1)</script>',
  "'; DROP TABLE incidents; --",
  '2026-02-30T10:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '2026-11-24T10:00:00+14:00',
  '2026-11-24T10:00:00.1234567Z',
  '2026-11-24T25:61:00Z',
  'x'.repeat(5001),
  '😀'.repeat(2600),
  'e\u0301'.repeat(3000),
  [],
  {},
  [null],
  [''],
  [[]],
  { $ne: null },
  { $gt: '' },
];

/** A value of any type for any field: the right type with a wrong value, or the wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  anyText(100),
  fc.constantFrom(...ODD_VALUES),
  fc.integer(),
  fc.double(),
  fc.uuid(),
  fc.array(anyText(30), { maxLength: 60 }),
);

export const hostileKey = fc.oneof(
  anyText(20),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', 'bdPolluted'),
);

/** A path segment: a uuid of nothing, junk, unicode, bad percent-encoding, or very long. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.uuid().map(pct),
  anyText(40)
    .filter((s) => s.length > 0)
    .map(pct),
  fc.integer().map(String),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '..',
    '.',
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    '%2F',
    '%2e%2e',
    '%C0%AF',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e400',
    '99999999999999999999',
    '%20',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-4fff-bfff-ffffffffffff',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  ),
  fc.integer({ min: 100, max: 4000 }).map((n) => 'a'.repeat(n)),
  fc.string({ unit: 'binary', minLength: 200, maxLength: 300 }).map(pct),
);

// Node itself answers 431 to a request line and headers over 16 KB, before the app sees it: stay under.
const shortOdd = ODD_VALUES.filter((v): v is string => typeof v === 'string' && v.length <= 500);
const QUERY_KEYS = ['status', 'entity', 'dueBefore', 'page', 'pageSize', 'format', 'download', 'from', 'to', 'next'];
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...QUERY_KEYS, '__proto__', 'constructor', 'status[]', 'page[$gt]'), anyText(10)),
        fc.oneof(anyText(40), fc.constantFrom(...shortOdd)),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&')}`),
  fc.constantFrom('?%', '?%zz=1', '?page=1&page=2', '?=', '?&&&', `?x=${'a'.repeat(3000)}`),
);

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'If-Match': fc.oneof(
      headerText(40),
      fc.constantFrom('"1"', 'W/"2"', '*', '"0"', '"-1"', '"99999999999"', '""', '"1", "2"', '1e3', ' "3" '),
    ),
    Accept: fc.constantFrom('application/json', 'text/html', 'application/xml', '*/*', 'text/csv', 'garbage'),
    'Accept-Language': headerText(30),
    'Accept-Encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', 'x-nope'),
    Cookie: fc.oneof(
      headerText(100),
      headerText(60).map((v) => `bd_session=${v}`),
      headerText(60).map((v) => `bd_session=s:${v}; bd_csrf=${v}; bd_oidc=s:${v}`),
      fc.constant(`bd_session=${'A'.repeat(43)}`),
    ),
    'X-Forwarded-For': headerText(40),
    'X-Forwarded-Proto': fc.constantFrom('https', 'http', 'gopher'),
    'X-HTTP-Method-Override': fc.constantFrom('DELETE', 'PUT', 'GET'),
    Range: fc.constantFrom('bytes=0-10', 'bytes=-1', 'garbage'),
  },
  { requiredKeys: [] },
);

/** A broken, forged or foreign credential; `tampered` is a real token whose payload was changed. */
export const hostileAuthorization = (tampered: string): fc.Arbitrary<string> =>
  fc.oneof(
    headerText(200),
    headerText(200).map((v) => `Bearer ${v}`),
    headerText(100).map((v) => `ApiKey ${v}`),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'ApiKey',
      'ApiKey ',
      `ApiKey bdk_${'0'.repeat(32)}_${'A'.repeat(43)}`,
      'Basic YWRtaW46YWRtaW4=',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiI3YTFlMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEiLCJyb2xlcyI6WyJkcG8iXX0.',
      'Bearer a.b.c',
      'bearer  x y',
      `Bearer ${'A'.repeat(6000)}`,
      tampered,
    ),
  );
