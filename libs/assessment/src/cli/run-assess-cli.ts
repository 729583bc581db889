import { assess } from '../domain/assess';
import { parseFacts } from '../domain/breach-facts';

export interface CliResult {
  readonly exitCode: 0 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the facts come from; the entry point passes the real file system and stdin. */
export interface CliInput {
  readFile(path: string): string;
  readStdin(): string;
}

export const USAGE = 'usage: assess [facts.json | -]   (reads standard input when no file or "-" is given)\n';

/**
 * Parses facts JSON, assesses it and renders the result. Exit 2 for anything the caller must
 * fix. Error messages never quote the input: it may hold text nobody should see in a terminal log.
 */
export function runAssessCli(args: readonly string[], input: CliInput): CliResult {
  if (args.length > 1) return failure(`too many arguments\n${USAGE}`);
  if (args[0] === '-h' || args[0] === '--help') return { exitCode: 0, stdout: USAGE, stderr: '' };

  const path = args[0] === undefined || args[0] === '-' ? null : args[0];
  let text: string;
  try {
    text = path === null ? input.readStdin() : input.readFile(path);
  } catch (error) {
    return failure(`cannot read ${path ?? 'standard input'}: ${describeReadError(error)}\n`);
  }

  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return failure('invalid JSON: the input is empty\n');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // JSON.parse's own message quotes the input, so it is not passed on.
    return failure('invalid JSON: the input could not be parsed as JSON\n');
  }

  const parsed = parseFacts(json);
  if (!parsed.ok) return failure(parsed.errors.map((e) => `invalid facts: ${e}\n`).join(''));
  return { exitCode: 0, stdout: `${JSON.stringify(assess(parsed.facts), null, 2)}\n`, stderr: '' };
}

function failure(stderr: string): CliResult {
  return { exitCode: 2, stdout: '', stderr };
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return typeof code === 'string' ? code : 'read failed';
  }
}
