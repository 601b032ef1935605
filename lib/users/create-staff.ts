import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { createAccount, type RegisteredUser } from "./register";
import { REQUIRED_MESSAGE, registerSchema } from "./register-schema";

/**
 * The operator creates a staff account: the sign-up rules (username, email, password
 * policy, case-insensitive uniqueness) and the same write path, with isStaff set in the
 * same transaction that creates the user and profile.
 */
export async function createStaffUser(input: unknown, db: Db, log: Logger = logger): Promise<RegisteredUser> {
  let data;
  try {
    data = parseInput(registerSchema, input, REQUIRED_MESSAGE);
  } catch (err) {
    if (err instanceof DomainError) log.info({ event: "staff.create_rejected", reason: err.code }, "staff creation rejected");
    throw err;
  }
  const user = await createAccount(data, db, log, { isStaff: true });
  log.info({ event: "staff.created", userId: user.id }, "staff user created");
  return user;
}
