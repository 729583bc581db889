import { type CliInput, runAssessCli } from './run-assess-cli';

const FACTS = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-post',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers', 'contact'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  protection: 'none',
  disclosure: 'known-recipients',
  dataExfiltrated: false,
  recoveredOrDeleted: false,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: true,
  safeguardingRisk: true,
};

function inputs(files: Record<string, string>, stdin = ''): CliInput {
  return {
    readFile: (path) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    readStdin: () => stdin,
  };
}

describe('runAssessCli', () => {
  it('prints the assessment of a facts file as JSON and exits 0', () => {
    const result = runAssessCli(['facts.json'], inputs({ 'facts.json': JSON.stringify(FACTS) }));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const assessment = JSON.parse(result.stdout);
    expect(assessment).toMatchObject({
      riskLevel: 'high',
      notifyIco: true,
      notifySubjects: true,
      subjectsExemption: null,
    });
    expect(Object.keys(assessment.enisa)).toEqual(['dpc', 'ei', 'cb', 'score', 'band']);
    expect(result.stdout).toMatch(/^{\n {2}"riskLevel"/); // pretty-printed for a person to read
  });

  it.each([[[]], [['-']]])('reads standard input when given %p', (args) => {
    const result = runAssessCli(args, inputs({}, `\uFEFF${JSON.stringify(FACTS)}\n`));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).riskLevel).toBe('high');
  });

  it('exits 2 on invalid JSON without repeating the input', () => {
    const result = runAssessCli([], inputs({}, '{"note": "Jane Smith, 12 Acacia Avenue",'));
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'invalid JSON: the input could not be parsed as JSON\n',
    });
  });

  it('exits 2 on empty input', () => {
    expect(runAssessCli([], inputs({}, '  \n'))).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'invalid JSON: the input is empty\n',
    });
  });

  it('exits 2 and names an unknown field', () => {
    const result = runAssessCli([], inputs({}, JSON.stringify({ ...FACTS, tenantName: 'x' })));
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'invalid facts: tenantName: unknown field\n' });
  });

  it('exits 2 when there is no kind of breach', () => {
    const result = runAssessCli([], inputs({}, JSON.stringify({ ...FACTS, breachTypes: [] })));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('invalid facts: breachTypes: must not be empty\n');
  });

  it('prints one line per problem, each prefixed', () => {
    const result = runAssessCli([], inputs({}, JSON.stringify({ ...FACTS, cause: 'flood', approxSubjects: 0 })));
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith('invalid facts: '))).toBe(true);
  });

  it('exits 2 with a clear message when the file is missing', () => {
    expect(runAssessCli(['missing.json'], inputs({}))).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'cannot read missing.json: no such file\n',
    });
  });

  it('exits 2 with usage when given more than one file', () => {
    const result = runAssessCli(['a.json', 'b.json'], inputs({}));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('usage: assess');
  });
});
