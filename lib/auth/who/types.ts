import type { Role } from "../../users/register-schema";

/** Who is asking, as every adapter (page, action, route) hands it on. An AuthUser is an Actor. */
export interface AuthUser {
  id: number;
  username: string;
  /** null: no usable email (an account imported from Django; signs in by username). */
  email: string | null;
  isStaff: boolean;
  role: Role;
  /**
   * Set when a staff member's session is viewing the site as this (non-staff) member
   * ("view as", docs/admin.md): pages show the member, and nothing that changes the
   * account's security may run (requireUserAction and the API refuse).
   */
  viewedBy?: ViewedBy;
}

export interface ViewedBy {
  staffId: number;
  staffUsername: string;
  until: Date;
}

// Domain functions take an Actor ({ id, isStaff }); the CLI acts as OPERATOR.
export { OPERATOR, type Actor } from "../../actor";
