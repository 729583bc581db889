import fc from 'fast-check';
import { hostileKey, hostileValue, nastyText, pct } from './arbitraries';

/** A request body exactly as it goes on the wire. */
export interface RawBody {
  type: string;
  text: string;
  encoding?: string;
}

type Path = (string | number)[];
const json = (value: unknown): RawBody => ({ type: 'application/json', text: JSON.stringify(value) ?? 'null' });

/** Every place a value sits in a body: each key of each object, each item of each array. */
function slots(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...path, i], ...slots(v, [...path, i])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...path, k], ...slots(v, [...path, k])]);
  }
  return [];
}

const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], root);

/** A copy of `root` changed at `path`; `__proto__` and friends become own keys, as JSON.parse makes them. */
function changed(root: object, path: Path, change: { value?: unknown; remove?: boolean }): object {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (change.remove) delete parent[key];
  else
    Object.defineProperty(parent, key, { value: change.value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * The valid body with one value replaced by anything, one key removed, one key added, or one
 * piece of text (where people type) made of NULs, lone surrogates and the like.
 */
function mutated(valid: object): fc.Arbitrary<RawBody> {
  const places = slots(valid);
  const texts = places.filter((p) => typeof valueAt(valid, p) === 'string');
  return fc
    .record({
      at: fc.nat(),
      op: fc.constantFrom('replace', 'replace', 'remove', 'add', 'text'),
      value: hostileValue,
      key: hostileKey,
      text: nastyText,
    })
    .map(({ at, op, value, key, text }) => {
      if (op === 'text' && texts.length) return json(changed(valid, texts[at % texts.length], { value: text }));
      const path = places.length ? places[at % places.length] : [];
      if (op === 'add' || path.length === 0) return json(changed(valid, [...path.slice(0, -1), key], { value }));
      return json(changed(valid, path, op === 'remove' ? { remove: true } : { value }));
    });
}

/** Over and under the 100kb limit: one long text (in bytes or in characters), or one long list. */
function huge(valid: object): fc.Arbitrary<RawBody> {
  const text = slots(valid).find((p) => typeof valueAt(valid, p) === 'string') ?? ['summary'];
  return fc
    .record({
      size: fc.integer({ min: 4_000, max: 300_000 }),
      unit: fc.constantFrom('x', '€', '😀', 'e\u0301'),
      list: fc.boolean(),
    })
    .map(({ size, unit, list }) => {
      const value = list ? Array(Math.ceil(size / 10)).fill('contact') : unit.repeat(Math.ceil(size / unit.length / 2));
      return json(changed(valid, list ? ['dataCategories'] : text, { value }));
    });
}

const POLLUTERS = [
  '"__proto__":{"bdPolluted":"yes"}',
  '"constructor":{"prototype":{"bdPolluted":"yes"}}',
  '"__proto__":{"__proto__":{"bdPolluted":"yes"}}',
  '"__proto__":null',
  '"__proto__":[1]',
  '"toString":"x"',
  '"hasOwnProperty":1',
  '"valueOf":{}',
];

/** Prototype-pollution keys put into every object of the valid body, as raw JSON. */
const polluting = (valid: object): fc.Arbitrary<RawBody> =>
  fc.constantFrom(...POLLUTERS).map((pair) => ({
    type: 'application/json',
    text: JSON.stringify(valid)
      .replace(/\{\}/g, `{${pair}}`)
      .replace(/\{(?=")/g, `{${pair},`),
  }));

const TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=utf-7',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'application/json, text/html',
  ';;;',
];

/** The valid body under the wrong content type or content encoding, or JSON that is cut short or not JSON. */
const mislabelled = (valid: object): fc.Arbitrary<RawBody> =>
  fc.oneof(
    fc.record({
      type: fc.constantFrom(...TYPES),
      text: fc.constant(JSON.stringify(valid)),
      encoding: fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'x-nope', 'gzip, gzip'), {
        nil: undefined,
      }),
    }),
    fc.nat().map((n) => ({ type: 'application/json', text: JSON.stringify(valid).slice(0, n % 200) })),
    fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ type: 'application/json', text })),
    fc.constant({ type: 'application/x-www-form-urlencoded', text: 'a=1&a=2&__proto__[bdPolluted]=yes&b[c]=2' }),
  );

/** Bodies for the JSON API, built around a body the route accepts. */
export function hostileBody(valid: object = {}): fc.Arbitrary<RawBody | undefined> {
  return fc.oneof(
    { weight: 5, arbitrary: mutated(valid) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.object({ maxDepth: 3, key: hostileKey }).map(json) },
    { weight: 1, arbitrary: huge(valid) },
    { weight: 1, arbitrary: polluting(valid) },
    { weight: 2, arbitrary: mislabelled(valid) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Form posts for the pages: any fields (repeated ones too), any text, with or without the CSRF token. */
export function hostileForm(csrf: string | undefined, fields: string[]): fc.Arbitrary<RawBody> {
  const key = fc.oneof(fc.constantFrom(...fields, 'intent', 'version', '_csrf', 'next', 'personId'), hostileKey);
  const value = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    nastyText,
    fc.constantFrom('', 'on', 'yes', 'no', 'preview', '1', '-1', 'x'.repeat(6000), '2026-02-30T10:00'),
  );
  return fc
    .record({ pairs: fc.array(fc.tuple(key, value), { maxLength: 12 }), withToken: fc.boolean() })
    .map(({ pairs, withToken }) => {
      const all = withToken && csrf ? [...pairs, ['_csrf', csrf]] : pairs;
      return { type: 'application/x-www-form-urlencoded', text: all.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&') };
    });
}

/** A body the route accepts but for one value: any value at all, or text made of what breaks things. */
export function oneValueChanged(valid: object): fc.Arbitrary<RawBody> {
  const places = slots(valid);
  return fc
    .record({ at: fc.nat(), key: hostileKey, value: fc.oneof(hostileValue, nastyText, nastyText) })
    .map(({ at, key, value }) => json(changed(valid, places.length ? places[at % places.length] : [key], { value })));
}

/** Characters no PostgreSQL text can hold (NUL) or no jsonb can (a lone surrogate), typed into a sentence. */
export const UNSTORABLE = ['Tenant \u0000 note', 'Tenant \ud800 note'];

/** The valid body with each of its texts in turn made unstorable: examples every run tries first. */
export function unstorableExamples(valid: object): RawBody[] {
  const texts = slots(valid).filter((p) => typeof valueAt(valid, p) === 'string');
  return texts.flatMap((p) => UNSTORABLE.map((value) => json(changed(valid, p, { value }))));
}

/** A form with each field in turn unstorable and the others empty, with the CSRF token. */
export function unstorableFormExamples(csrf: string, fields: string[]): RawBody[] {
  return fields.flatMap((field) =>
    UNSTORABLE.map((value) => ({
      type: 'application/x-www-form-urlencoded',
      text: [...fields.map((f) => `${pct(f)}=${f === field ? pct(value) : ''}`), `_csrf=${pct(csrf)}`].join('&'),
    })),
  );
}

/** A form with all these fields, each a plausible answer or text that breaks things, and the CSRF token. */
export function everyFieldForm(csrf: string, fields: string[]): fc.Arbitrary<RawBody> {
  const answer = fc.oneof(nastyText, fc.constantFrom('', 'on', 'yes', 'no', '1', 'none', 'email', 'dpo', 'preview'));
  return fc.tuple(...fields.map(() => answer)).map((values) => ({
    type: 'application/x-www-form-urlencoded',
    text: [...fields.map((f, i) => `${pct(f)}=${pct(values[i])}`), `_csrf=${pct(csrf)}`].join('&'),
  }));
}

/** A value nested `depth` deep, as raw JSON, without building it in memory first. */
export function deeplyNested(depth: number, shape: 'array' | 'object', field: string | undefined): RawBody {
  const inner =
    shape === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return { type: 'application/json', text: field === undefined ? inner : `{"${field}":${inner}}` };
}
