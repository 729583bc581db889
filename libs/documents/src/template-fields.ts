// The global `hbs.AST` types come with the handlebars typings.
import type {} from 'handlebars';

type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;

/**
 * The view fields a template reads in its top-level context. Handlebars' `strict` throws for a
 * missing `{{field}}` but not for one used as `{{#if field}}` or `{{#each field}}`, which would
 * silently drop a section; the renderer checks these names against the view instead. Bodies of
 * `each`/`with` run against another object, so only their parameters are collected.
 */
export function rootFields(program: Program): Set<string> {
  const fields = new Set<string>();
  const read = (e: Expression): void => {
    if (e.type !== 'PathExpression') return;
    const path = e as hbs.AST.PathExpression;
    if (!path.data && path.depth === 0 && path.parts.length > 0) fields.add(path.parts[0]);
  };
  const walk = (p: Program | undefined): void => {
    for (const statement of p?.body ?? []) {
      if (statement.type === 'MustacheStatement') {
        const m = statement as hbs.AST.MustacheStatement;
        if (m.params.length === 0) read(m.path);
        m.params.forEach(read);
      } else if (statement.type === 'BlockStatement') {
        const b = statement as hbs.AST.BlockStatement;
        b.params.forEach(read);
        const helper = (b.path as hbs.AST.PathExpression).original;
        if (helper === 'if' || helper === 'unless') walk(b.program);
        walk(b.inverse);
      }
    }
  };
  walk(program);
  return fields;
}
