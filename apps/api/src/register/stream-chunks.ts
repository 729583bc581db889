import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

const logger = new Logger('RegisterExport');

/**
 * Sends text chunks with back-pressure. The first chunk is awaited before the headers go, so a
 * failure before any data (the database is down) still becomes an ordinary error response.
 * Later failures can only cut the response short; the log names the error class, never data.
 */
export async function streamChunks(
  res: Response,
  chunks: AsyncGenerator<string>,
  headers: Record<string, string>,
): Promise<void> {
  const first = await chunks.next();
  res.status(200).set(headers);
  async function* rest(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  try {
    await pipeline(Readable.from(rest()), res);
  } catch (error) {
    // A client that went away mid-download is not a fault of ours.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.error(`register export cut short: ${error instanceof Error ? error.name : typeof error}`);
    }
    res.destroy();
  } finally {
    await chunks.return(undefined);
  }
}
