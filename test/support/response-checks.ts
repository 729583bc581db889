/** Signs of the inside of the service: a stack frame, a source path, a library, a driver's or runtime's error. */
const INTERNALS: [string, RegExp][] = [
  ['a stack frame', /^\s*at (?:async )?\S.*(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m],
  ['a source path', /\/work\/|\/home\/|\/usr\/(?:local\/)?lib\/|[A-Za-z]:\\\\/],
  ['node_modules', /node_modules/],
  ['a compiled or source file', /\b(?:dist|apps|libs)\/[\w/.-]+\.(?:js|ts)\b|\.[jt]s:\d+/],
  [
    'a runtime error',
    /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|QueryFailedError|EntityNotFound)\b|Maximum call stack/,
  ],
  [
    'a database error',
    /\b(?:duplicate key value|violates (?:unique|foreign key|check) constraint|invalid input syntax|unsupported Unicode escape|relation "\w+")/,
  ],
];

/** What in a response body gives away the service's internals, or undefined when nothing does. */
export function internalsIn(text: string): string | undefined {
  const found = INTERNALS.find(([, pattern]) => pattern.test(text));
  return found && `${found[0]}: ${found[1].exec(text)![0].slice(0, 120)}`;
}
