import { csvChunks, jsonChunks } from './register-export';
import type { RegisterRow } from './register-row.types';

async function* pagesOf(...pages: Partial<RegisterRow>[][]): AsyncGenerator<RegisterRow[]> {
  for (const page of pages) yield page as RegisterRow[];
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const head = {
  view: 'anonymised' as const,
  filter: { from: '2025-01-01T00:00:00.000Z', to: null, entityId: 'HHL' },
  generatedAt: '2026-01-01T00:00:00.000Z',
};

describe('jsonChunks', () => {
  it('streams one valid document, one chunk per page, with the count at the end', async () => {
    const chunks = await collect(
      jsonChunks(pagesOf([{ reference: 'A' }, { reference: 'B' }], [], [{ reference: 'C' }]), head),
    );
    expect(chunks).toHaveLength(3);
    expect(JSON.parse(chunks.join(''))).toEqual({
      view: 'anonymised',
      period: { from: '2025-01-01T00:00:00.000Z', to: null, entityId: 'HHL' },
      generatedAt: '2026-01-01T00:00:00.000Z',
      rows: [{ reference: 'A' }, { reference: 'B' }, { reference: 'C' }],
      count: 3,
    });
  });

  it('is a valid document when nothing matches', async () => {
    expect(JSON.parse((await collect(jsonChunks(pagesOf(), head))).join(''))).toMatchObject({ rows: [], count: 0 });
  });
});

describe('csvChunks', () => {
  it('writes the header with the first page, and only the columns of the view', async () => {
    const row = { reference: 'A', summary: 'secret words' } as Partial<RegisterRow>;
    const [first, ...rest] = await collect(csvChunks(pagesOf([row]), 'anonymised'));
    expect(rest).toEqual([]);
    const [header, record] = first.split('\r\n');
    expect(header.startsWith('"reference","entityId","status"')).toBe(true);
    expect(header).not.toContain('summary');
    expect(record.startsWith('"A",""')).toBe(true);
    expect(first).not.toContain('secret words');
  });

  it('writes the full columns for the full view', async () => {
    const [first] = await collect(
      csvChunks(pagesOf([{ reference: 'A', summary: 'words' } as Partial<RegisterRow>]), 'full'),
    );
    expect(first.split('\r\n')[0]).toContain('"summary"');
    expect(first).toContain('"words"');
  });

  it('still writes the header when nothing matches', async () => {
    const chunks = await collect(csvChunks(pagesOf(), 'anonymised'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0].endsWith('"reopenings"\r\n')).toBe(true);
  });
});
