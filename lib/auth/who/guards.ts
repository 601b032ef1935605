import { ADMIN_REQUIRED } from "../../actor";
import { DomainError } from "../../errors";
import type { AuthUser } from "./types";

// The old API's sentences: DRF's for "who are you?", the platform's own for staff-only.
export const NOT_AUTHENTICATED = "Authentication credentials were not provided.";
export const NOT_PERMITTED = ADMIN_REQUIRED;

export function notAuthenticated(): DomainError {
  return new DomainError("not_authenticated", NOT_AUTHENTICATED, 401);
}

export function notPermitted(): DomainError {
  return new DomainError("forbidden", NOT_PERMITTED, 403);
}

export const VIEW_ONLY = "You are viewing the site as this member: nothing can be changed. Stop viewing first.";

/** 403 while a staff member views as the user ("view as" is read-only). */
export function viewOnly(): DomainError {
  return new DomainError("view_as_read_only", VIEW_ONLY, 403);
}

/** The signed-in user acting as themselves (not viewed as by staff), or a 401/403 DomainError. */
export function assertActingUser<U extends AuthUser>(user: U | null): U {
  if (assertUser(user).viewedBy) throw viewOnly();
  return user!;
}

/** The signed-in user, or a 401 DomainError. */
export function assertUser<U extends AuthUser>(user: U | null): U {
  if (!user) throw notAuthenticated();
  return user;
}

/** A signed-in staff user, or a 401/403 DomainError. */
export function assertStaff<U extends AuthUser>(user: U | null): U {
  if (!assertUser(user).isStaff) throw notPermitted();
  return user!;
}
