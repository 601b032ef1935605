import type { Role } from "../users/register-schema";

/** Who is asking, as every adapter (page, action, route, CLI) hands it on. */
export interface AuthUser {
  id: number;
  username: string;
  email: string;
  isStaff: boolean;
  role: Role;
}

/** What domain functions need to decide authorization. */
export interface Actor {
  id: number;
  isStaff: boolean;
}

/**
 * The operator at the console (`npm run manage`). Not a user row: id 0 never exists
 * (ids start at 1), so it can never be mistaken for a person.
 */
export const OPERATOR: Actor = Object.freeze({ id: 0, isStaff: true });
