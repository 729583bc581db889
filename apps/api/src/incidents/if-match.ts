import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '#libs/shared';

/**
 * The incident version the caller last saw, from `If-Match: "7"`. Absent means "whatever
 * is current": the command is still checked against concurrent writers by the event store.
 */
export const ExpectedVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined => {
  const header = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new DomainError('invalid_if_match', 'If-Match must be the incident version, like "7".', 'invalid');
  return Number(match[1]);
});
