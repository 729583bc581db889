import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '#libs/directory';

/** The signed-in caller: an id, roles and, for a partner, its organisation. */
export interface Principal {
  id: string;
  roles: Role[];
  partnerId: string | null;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});
