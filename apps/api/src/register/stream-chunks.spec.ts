import { Logger } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import { streamChunks } from './stream-chunks';

/** Just enough of an Express response: a writable stream that records status and headers. */
function fakeResponse() {
  const stream = new PassThrough();
  const sent: { status?: number; headers?: Record<string, string>; body: string } = { body: '' };
  stream.on('data', (chunk: Buffer) => (sent.body += chunk.toString()));
  const res = Object.assign(stream, {
    status(code: number) {
      sent.status = code;
      return res;
    },
    set(headers: Record<string, string>) {
      sent.headers = headers;
      return res;
    },
  });
  return { res: res as unknown as Response & PassThrough, sent };
}

async function* chunks(parts: string[], failAt = -1): AsyncGenerator<string> {
  for (const [i, part] of parts.entries()) {
    if (i === failAt) throw new Error('the database went away');
    yield part;
  }
}

describe('streamChunks', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends every chunk after the headers', async () => {
    const { res, sent } = fakeResponse();
    await streamChunks(res, chunks(['a', 'b', 'c']), { 'Content-Type': 'text/csv' });
    expect(sent).toEqual({ status: 200, headers: { 'Content-Type': 'text/csv' }, body: 'abc' });
  });

  it('fails before any header when the first chunk fails, so the error filter can answer', async () => {
    const { res, sent } = fakeResponse();
    await expect(streamChunks(res, chunks(['a'], 0), {})).rejects.toThrow('the database went away');
    expect(sent.status).toBeUndefined();
  });

  it('cuts the response short when a later chunk fails, without throwing at a response already begun', async () => {
    const { res, sent } = fakeResponse();
    await streamChunks(res, chunks(['a', 'b'], 1), {});
    expect(sent.status).toBe(200);
    expect(res.destroyed).toBe(true);
  });
});
