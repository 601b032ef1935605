import type { Db } from "../db/client";
import { uniqueViolation } from "../db/errors";
import type { Tx } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { hashPassword } from "./password-hash";
import { REQUIRED_MESSAGE, registerSchema, type Role } from "./register-schema";

export const USERNAME_TAKEN = "Username already taken.";
export const EMAIL_TAKEN = "Email already registered.";

// Index names from the migration; the database decides, these only name its verdict.
const TAKEN_BY_INDEX: Record<string, DomainError> = {
  User_username_ci_key: new DomainError("username_taken", USERNAME_TAKEN, 400, { username: USERNAME_TAKEN }),
  User_email_ci_key: new DomainError("email_taken", EMAIL_TAKEN, 400, { email: EMAIL_TAKEN }),
};

export interface RegisteredUser {
  id: number;
  username: string;
  email: string;
  role: Role;
}

/** A validated sign-up whose password is already hashed: ready to insert. */
export interface PreparedRegistration {
  username: string;
  email: string;
  passwordHash: string;
  role: Role;
  bio: string | undefined;
}

/**
 * Signs a person up: validates, hashes the password outside any transaction, then
 * creates the user and the profile together. The database's case-insensitive unique
 * indexes decide duplicates; the pre-check only spares a hash for the common case.
 */
export async function registerUser(input: unknown, db: Db, log: Logger = logger): Promise<RegisteredUser> {
  const registration = await prepareRegistration(input, db, log);
  // A nested create is one transaction: INSERT user, INSERT profile, COMMIT (where the
  // deferred trigger checks the profile exists).
  const user = await createUserWithProfile(db, registration, log);
  log.info({ event: "registration.succeeded", userId: user.id, role: registration.role }, "user registered");
  return { id: user.id, username: user.username, email: registration.email, role: registration.role };
}

/**
 * Everything of a sign-up that happens before the write: validation, the duplicate
 * pre-check and the (slow) password hash. Logs and throws refusals as registerUser does.
 */
export async function prepareRegistration(input: unknown, db: Db, log: Logger = logger): Promise<PreparedRegistration> {
  let data;
  try {
    data = parseInput(registerSchema, input, REQUIRED_MESSAGE);
  } catch (err) {
    if (err instanceof DomainError) {
      log.info({ event: "registration.rejected", reason: err.code, message: err.message }, "registration rejected");
    }
    throw err;
  }
  const { username, email, password, role, bio } = data;
  const taken = await findTaken(db, username, email);
  if (taken) {
    logTaken(log, taken, "precheck", email);
    throw taken;
  }
  const passwordHash = await hashPassword(password);
  return { username, email, passwordHash, role, bio };
}

/**
 * Inserts the user and its profile with `client`: the app's client (its own
 * transaction) or a `tx` of a larger one (e.g. signing up from an invitation). A
 * duplicate username or email, decided by the unique indexes, becomes the contract's
 * DomainError; inside a larger transaction that also aborts it.
 */
export async function createUserWithProfile(
  client: Db | Tx,
  registration: PreparedRegistration,
  log: Logger = logger,
): Promise<{ id: number; username: string }> {
  const { username, email, passwordHash, role, bio } = registration;
  try {
    return await client.user.create({
      data: { username, email, passwordHash, profile: { create: { role, bio } } },
      select: { id: true, username: true },
    });
  } catch (err) {
    const index = uniqueViolation(err);
    const known = index ? TAKEN_BY_INDEX[index] : undefined;
    if (known) {
      logTaken(log, known, "constraint", email);
      throw known;
    }
    throw err;
  }
}

function logTaken(log: Logger, refusal: DomainError, via: "precheck" | "constraint", email: string) {
  log.info(
    { event: "registration.rejected", reason: refusal.code, via, emailMasked: maskEmail(email) },
    "registration rejected",
  );
}

// Same expressions as the unique indexes, so the fast path and the guard agree.
// The username check comes first because the old API reported it first.
async function findTaken(db: Db, username: string, email: string): Promise<DomainError | null> {
  const rows = await db.$queryRaw<{ usernameTaken: boolean; emailTaken: boolean }[]>`
    SELECT
      bool_or(lower("username" COLLATE "und-x-icu") = lower(${username} COLLATE "und-x-icu")) AS "usernameTaken",
      bool_or(lower("email" COLLATE "und-x-icu") = lower(${email} COLLATE "und-x-icu")) AS "emailTaken"
    FROM "User"
    WHERE lower("username" COLLATE "und-x-icu") = lower(${username} COLLATE "und-x-icu")
       OR lower("email" COLLATE "und-x-icu") = lower(${email} COLLATE "und-x-icu")`;
  const row = rows[0];
  if (row?.usernameTaken) return TAKEN_BY_INDEX.User_username_ci_key;
  if (row?.emailTaken) return TAKEN_BY_INDEX.User_email_ci_key;
  return null;
}
