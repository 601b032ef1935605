import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { findUserByLogin, type UserRecord } from "./find-user";

/** The user a staff member or the operator named, or a 404 DomainError. */
export async function resolveUser(db: Db, ref: string): Promise<UserRecord> {
  const user = await findUserByLogin(db, ref);
  if (!user) throw new DomainError("user_not_found", `No user has the username or email "${ref}".`, 404);
  return user;
}
