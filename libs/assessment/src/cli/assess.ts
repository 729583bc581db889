// Entry point for `npm run -s assess -- facts.json`: reads the facts and prints the assessment.
import { readFileSync } from 'node:fs';
import { runAssessCli } from './run-assess-cli';

const result = runAssessCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
});
if (result.stdout !== '') process.stdout.write(result.stdout);
if (result.stderr !== '') process.stderr.write(result.stderr);
// exitCode, not exit(): lets a piped stdout finish writing.
process.exitCode = result.exitCode;
