import type { Role } from '../domain/roles.ts';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The weakest role that may call the route; every `/api/admin` route must declare one. */
    role?: Role;
  }
  interface FastifyRequest {
    /** Set by the auth hook on routes that declare a role. */
    principal?: Principal;
  }
}

export {};
