import { ANONYMISED_COLUMNS, FULL_COLUMNS } from './register-columns';
import { csvRecord } from './csv';
import type { RegisterFilter } from './register-filter';
import type { RegisterRow, RegisterView } from './register-row.types';

export interface ExportHead {
  view: RegisterView;
  filter: RegisterFilter;
  generatedAt: string;
}

/**
 * The register as JSON, one chunk per page, so a large export never sits whole in memory:
 * `{"view", "period", "generatedAt", "rows": [...], "count"}`. The count comes last because
 * it is known only at the end.
 */
export async function* jsonChunks(pages: AsyncIterable<RegisterRow[]>, head: ExportHead): AsyncGenerator<string> {
  const { from, to, entityId } = head.filter;
  // Nothing is yielded before the first page is read, so a database failure is still an error response.
  const opening =
    `{"view":${JSON.stringify(head.view)},"period":${JSON.stringify({ from, to, entityId })},` +
    `"generatedAt":${JSON.stringify(head.generatedAt)},"rows":[`;
  let count = 0;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield (count ? ',' : opening) + page.map((row) => JSON.stringify(row)).join(',');
    count += page.length;
  }
  yield `${count ? '' : opening}],"count":${count}}\n`;
}

/** The register as RFC 4180 CSV with a header record; only the view's columns are written. */
export async function* csvChunks(pages: AsyncIterable<RegisterRow[]>, view: RegisterView): AsyncGenerator<string> {
  const columns: readonly string[] = view === 'full' ? FULL_COLUMNS : ANONYMISED_COLUMNS;
  const header = csvRecord(columns);
  let started = false;
  for await (const page of pages) {
    if (page.length === 0) continue;
    const records = page.map((row) => csvRecord(columns.map((c) => (row as unknown as Record<string, unknown>)[c])));
    yield (started ? '' : header) + records.join('');
    started = true;
  }
  if (!started) yield header;
}
