import type { Db } from "../db/client";
import { uniqueViolation } from "../db/errors";
import { DomainError } from "../errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { hashPassword } from "./password-hash";
import { REQUIRED_MESSAGE, registerSchema, type RegisterData, type Role } from "./register-schema";

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

/**
 * Signs a person up: validates, hashes the password outside any transaction, then
 * creates the user and the profile together. The database's case-insensitive unique
 * indexes decide duplicates; the pre-check only spares a hash for the common case.
 */
export async function registerUser(
  input: unknown,
  db: Db,
  log: Logger = logger,
): Promise<RegisteredUser> {
  let data;
  try {
    data = parseInput(registerSchema, input, REQUIRED_MESSAGE);
  } catch (err) {
    if (err instanceof DomainError) {
      log.info({ event: "registration.rejected", reason: err.code, message: err.message }, "registration rejected");
    }
    throw err;
  }
  return createAccount(data, db, log, { isStaff: false });
}

/**
 * Creates a validated account: the one write path for people signing up and for the
 * operator creating staff (lib/users/create-staff.ts).
 */
export async function createAccount(
  data: RegisterData,
  db: Db,
  log: Logger,
  opts: { isStaff: boolean },
): Promise<RegisteredUser> {
  const { username, email, password, role, bio } = data;
  try {
    const taken = await findTaken(db, username, email);
    if (taken) throw taken;

    const passwordHash = await hashPassword(password);
    // A nested create is one transaction: INSERT user, INSERT profile, COMMIT (where the
    // deferred trigger checks the profile exists).
    const user = await db.user.create({
      data: { username, email, passwordHash, isStaff: opts.isStaff, profile: { create: { role, bio } } },
      select: { id: true, username: true, email: true },
    });
    log.info({ event: "registration.succeeded", userId: user.id, role, ...(opts.isStaff && { isStaff: true }) }, "user registered");
    return { id: user.id, username: user.username, email: user.email, role };
  } catch (err) {
    const index = uniqueViolation(err);
    const known = err instanceof DomainError ? err : index ? TAKEN_BY_INDEX[index] : undefined;
    if (known) {
      log.info(
        { event: "registration.rejected", reason: known.code, via: index ? "constraint" : "precheck", emailMasked: maskEmail(email) },
        "registration rejected",
      );
      throw known;
    }
    throw err;
  }
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
