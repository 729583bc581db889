import { SetMetadata } from '@nestjs/common';
import type { Role } from '#libs/directory';

export const ROLES_KEY = 'breach-desk:roles';
export const PUBLIC_KEY = 'breach-desk:public';
export const FORM_ROUTES_KEY = 'breach-desk:form-routes';

/** The roles that may call this route. A route with neither this nor @Public is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No sign-in needed (health, docs, the development sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Routes that check a CSRF token on every write (the pages). Only these accept a write
 * signed in by the session cookie; elsewhere a cookie is good for reads only.
 */
export const FormRoutes = () => SetMetadata(FORM_ROUTES_KEY, true);
