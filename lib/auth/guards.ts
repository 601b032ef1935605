import { DomainError } from "../errors";
import type { Actor, AuthUser } from "./types";

// DRF's sentences: the old API's clients already show them.
export const NOT_AUTHENTICATED = "Authentication credentials were not provided.";
export const NOT_PERMITTED = "You do not have permission to perform this action.";

export function notAuthenticated(): DomainError {
  return new DomainError("not_authenticated", NOT_AUTHENTICATED, 401);
}

export function notPermitted(): DomainError {
  return new DomainError("forbidden", NOT_PERMITTED, 403);
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

/** For domain functions that take an actor: staff (or the operator) only. */
export function assertStaffActor(actor: Actor): void {
  if (!actor.isStaff) throw notPermitted();
}
