import type { Role } from "../users/register-schema";

/** Who is asking, as every adapter (page, action, route) hands it on. An AuthUser is an Actor. */
export interface AuthUser {
  id: number;
  username: string;
  /** null: no usable email (an account imported from Django; signs in by username). */
  email: string | null;
  isStaff: boolean;
  role: Role;
}

// Domain functions take an Actor ({ id, isStaff }); the CLI acts as OPERATOR.
export { OPERATOR, type Actor } from "../actor";
