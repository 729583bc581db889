import type { NextFunction, Request, Response } from 'express';
import { inputSanity } from './input-sanity';

function run(req: Partial<Request>) {
  let status = 0;
  let body: unknown;
  const res = { status: (s: number) => ((status = s), res), json: (b: unknown) => (body = b) } as unknown as Response;
  let passed = false;
  inputSanity({ url: '/x', query: {}, ...req } as Request, res, (() => (passed = true)) as NextFunction);
  return { passed, status, body };
}

describe('inputSanity', () => {
  it('lets ordinary requests through', () => {
    expect(run({ body: { summary: 'Café — naïve 😀', list: [{ a: [1, 2] }] } }).passed).toBe(true);
  });

  it('refuses a body nested past 32 levels', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 1500; i++) deep = [deep];
    expect(run({ body: deep })).toMatchObject({ passed: false, status: 400, body: { code: 'too_deeply_nested' } });
  });

  it('refuses a NUL or a lone surrogate anywhere', () => {
    expect(run({ body: { note: 'a\u0000b' } }).body).toMatchObject({ code: 'invalid_characters' });
    expect(run({ body: { nested: { summary: 'a\ud800b' } } }).body).toMatchObject({ code: 'invalid_characters' });
    expect(run({ query: { entity: 'a\u0000b' } }).body).toMatchObject({ code: 'invalid_characters' });
    expect(run({ url: '/api/v1/admin/entities/a%00b' }).body).toMatchObject({ code: 'invalid_characters' });
  });
});
