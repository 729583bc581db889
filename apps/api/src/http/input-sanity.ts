import type { NextFunction, Request, Response } from 'express';

const MAX_DEPTH = 32;
// A NUL, or half of a UTF-16 surrogate pair: PostgreSQL text and jsonb cannot hold either.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type Problem = 'too_deeply_nested' | 'invalid_characters' | undefined;

/** Walks a parsed body without recursion (a deep body must not overflow our own stack either). */
function inspect(root: unknown): Problem {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return 'invalid_characters';
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return 'too_deeply_nested';
      for (const [key, child] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return 'invalid_characters';
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

const MESSAGES = {
  too_deeply_nested: `The request body nests deeper than ${MAX_DEPTH} levels.`,
  invalid_characters: 'The request holds characters that cannot be stored (a NUL or a broken surrogate pair).',
};

/**
 * Refuses, with a 400, what would otherwise fail deep inside the stack as a 500: bodies nested
 * past any real form, and text PostgreSQL cannot store, in the body, the query or the path.
 */
export function inputSanity(req: Request, res: Response, next: NextFunction): void {
  const problem = (/%00/i.test(req.url) ? 'invalid_characters' : undefined) ?? inspect(req.body) ?? inspect(req.query);
  if (!problem) return next();
  res.status(400).json({ code: problem, message: MESSAGES[problem] });
}
