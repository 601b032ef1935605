import type { Db } from "../db/client";
import { checkViolation, uniqueViolation } from "../db/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { queueVerificationEmail } from "../email-verification/send";
import { DomainError } from "../errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import type { UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { hashPassword } from "./password-hash";
import { REQUIRED_MESSAGE, emailSchema, registerSchema, usernameSchema, type Role } from "./register-schema";
import { limitRegistrationAttempt } from "./registration-limit";
import { ciKey, column } from "../db/sql";

export const USERNAME_TAKEN = "Username already taken.";
export const EMAIL_TAKEN = "Email already registered.";
export const USERNAME_NOT_OWN_EMAIL = "A username that is an email address must be your own email address.";

const usernameTaken = new DomainError("username_taken", USERNAME_TAKEN, 400, { username: USERNAME_TAKEN });
const emailTaken = new DomainError("email_taken", EMAIL_TAKEN, 400, { email: EMAIL_TAKEN });
const usernameNotOwnEmail = new DomainError("username_not_own_email", USERNAME_NOT_OWN_EMAIL, 400, { username: USERNAME_NOT_OWN_EMAIL });

// Constraint names from the migrations; the database decides, these only name its verdict.
// The SignInIdentifier_* names are raised by the trigger on "User" when a username or email
// is already another account's username or email (20261201000100_sign_in_identifiers).
const REFUSAL_BY_CONSTRAINT: Record<string, DomainError> = {
  User_username_ci_key: usernameTaken,
  User_email_ci_key: emailTaken,
  SignInIdentifier_username_taken: usernameTaken,
  SignInIdentifier_email_taken: emailTaken,
  User_username_is_own_email: usernameNotOwnEmail,
};

/**
 * A username shaped like an email address ("@" with a character on each side) names that
 * address, so it must be the account's own email. Same rule as the trigger's `~ '.@.'`.
 */
export function usernameClaimsOtherEmail(username: string, email: string): boolean {
  return /.@./su.test(username) && username.toLowerCase() !== email.toLowerCase();
}

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
 * Signs a person up: counts the attempt against the address's limit, validates, hashes
 * the password outside any transaction, then creates the user and the profile together.
 * The database's case-insensitive unique indexes decide duplicates; the pre-check only
 * spares a hash for the common case.
 */
export async function registerUser(input: unknown, ctx: UseCaseContext): Promise<RegisteredUser> {
  const { db, log } = ctx;
  await limitRegistrationAttempt(ctx);
  const registration = await prepareRegistration(input, db, log);
  // One transaction: the user and its profile (one statement, see createUserWithProfile),
  // the verification link and its email; COMMIT is where the deferred trigger checks the profile.
  const user = await inTransaction(db, async (tx) => {
    const created = await createUserWithProfile(tx, registration, log);
    await queueVerificationEmail(tx, { id: created.id, username: created.username, email: registration.email });
    return created;
  });
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
      throw await withTakenFields(db, err, input);
    }
    throw err;
  }
  const { username, email, password, role, bio } = data;
  const taken = await findTaken(db, username, email);
  const refusal = taken.username
    ? usernameTaken
    : taken.email
      ? emailTaken
      : usernameClaimsOtherEmail(username, email)
        ? usernameNotOwnEmail
        : null;
  if (refusal) {
    logTaken(log, refusal, "precheck", email);
    // The sentence is the old API's (the username first); a page lists both fields.
    throw taken.username && taken.email
      ? new DomainError(refusal.code, refusal.message, refusal.status, { ...usernameTaken.fields, ...emailTaken.fields })
      : refusal;
  }
  const passwordHash = await hashPassword(password);
  return { username, email, passwordHash, role, bio };
}

/**
 * A refused sign-up names every field at fault at once: a common password and a taken
 * username are both reported, so a person does not fix one only to meet the other. The
 * refusal's sentence and code stay as the old API sent them; only `fields` grows.
 */
async function withTakenFields(db: Db, err: DomainError, input: unknown): Promise<DomainError> {
  if (typeof input !== "object" || input === null) return err;
  const raw = input as Record<string, unknown>;
  const username = usernameSchema.safeParse(raw.username);
  const email = emailSchema.safeParse(raw.email);
  if (!username.success && !email.success) return err;
  // A placeholder that matches nothing stands in for the field that did not parse.
  const taken = await findTaken(db, username.success ? username.data : "", email.success ? email.data : "");
  const had = err.fields ?? {};
  if (!(taken.username && !had.username) && !(taken.email && !had.email)) return err;
  // In the form's order, so the page's summary reads top to bottom.
  const fields: Record<string, string> = {};
  if (taken.username || had.username) fields.username = had.username ?? USERNAME_TAKEN;
  if (taken.email || had.email) fields.email = had.email ?? EMAIL_TAKEN;
  return new DomainError(err.code, err.message, err.status, { ...fields, ...had });
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
    // One statement, so one round trip and its own transaction: both rows or neither
    // (the deferred trigger checks the profile exists when it commits). Prisma's nested
    // create took six (BEGIN, two INSERTs, a SELECT, COMMIT). Every other column is the
    // table's default, as with the nested create.
    const rows = await client.$queryRaw<{ id: number; username: string }[]>`
      WITH u AS (
        INSERT INTO "User" ("username", "email", "passwordHash")
        VALUES (${username}, ${email}, ${passwordHash})
        RETURNING "id", "username"
      ), p AS (
        INSERT INTO "Profile" ("userId", "role", "bio")
        SELECT "id", CAST(${role}::text AS "Role"), ${bio ?? null} FROM u
        RETURNING "userId"
      )
      SELECT u."id", u."username" FROM u JOIN p ON p."userId" = u."id"`;
    return rows[0];
  } catch (err) {
    const constraint = uniqueViolation(err) ?? checkViolation(err);
    const known = constraint ? REFUSAL_BY_CONSTRAINT[constraint] : undefined;
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

// One identifier, one account: a username is taken when it is any account's username or
// email, and so is an email (SignInIdentifier holds both, in any letter case; the User
// columns cover usernames an old database left out, see the migration). Same expressions
// as the unique indexes, so the fast path and the guard agree. A taken username is
// reported first (prepareRegistration) because the old API reported it first.
async function findTaken(db: Db, username: string, email: string): Promise<{ username: boolean; email: boolean }> {
  const rows = await db.$queryRaw<{ usernameTaken: boolean; emailTaken: boolean }[]>`
    WITH wanted AS (
      SELECT ${ciKey(username)} AS username, ${ciKey(email)} AS email
    ), held AS (
      SELECT ${ciKey(column("i.identifier"))} AS k FROM "SignInIdentifier" i, wanted w
      WHERE ${ciKey(column("i.identifier"))} IN (w.username, w.email)
      UNION ALL
      SELECT ${ciKey(column("u.username"))} FROM "User" u, wanted w WHERE ${ciKey(column("u.username"))} = w.username
      UNION ALL
      SELECT ${ciKey(column("u.email"))} FROM "User" u, wanted w WHERE ${ciKey(column("u.email"))} = w.email
    )
    SELECT coalesce(bool_or(h.k = w.username), false) AS "usernameTaken",
           coalesce(bool_or(h.k = w.email), false) AS "emailTaken"
    FROM held h, wanted w`;
  return { username: rows[0]?.usernameTaken === true && username !== "", email: rows[0]?.emailTaken === true && email !== "" };
}
