import { DomainError } from "../errors";

// The sentences people and old API clients read. The old platform said "a approved";
// DOMAIN.md asks for correct English.

export function alreadyOpen(status: "pending" | "approved"): DomainError {
  return new DomainError(
    "application_exists",
    status === "approved" ? "You already have an approved application." : "You already have a pending application.",
    400,
  );
}

/** A decision on an application someone already decided (a stale page, a race). */
export function alreadyDecided(status: "approved" | "rejected"): DomainError {
  return new DomainError("already_decided", `This application was already ${status}.`, 409);
}

export const NOT_FOUND = () => new DomainError("not_found", "Not found.", 404);

export const referrerUnknown = () =>
  new DomainError("invalid", "Referred by must be the username of an existing user.", 400, {
    referredBy: "Referred by must be the username of an existing user.",
  });
