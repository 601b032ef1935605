import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { parseInput } from "../validation/parse";
import { userRefSchema } from "./admin-schema";
import { findUserByLogin, type UserRecord } from "./find-user";

/** The user a staff member or the operator named (username or email), or a 404 DomainError. */
export async function resolveUser(db: Db, ref: unknown): Promise<UserRecord> {
  const name = parseInput(userRefSchema, ref);
  const user = await findUserByLogin(db, name);
  if (!user) throw new DomainError("user_not_found", `No user has the username or email "${name}".`, 404);
  return user;
}
