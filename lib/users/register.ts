import type { Db } from "../db/client";
import { directQuery } from "../db/direct-query";
import { checkViolation, uniqueViolation } from "../db/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { queueVerificationEmail, verificationEmail } from "../email-verification/send";
import { Prisma } from "../db/generated/client";
import { linkTtlMinutes } from "../one-time-links/config";
import { hashLinkSecret, LINK_PAGES, linkUrl, newLinkSecret } from "../one-time-links/token";
import { separateSecret } from "../outbox/secret-text";
import { DomainError } from "../errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import type { UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { hashPassword } from "./password-hash";
import { REQUIRED_MESSAGE, emailSchema, registerSchema, usernameSchema, type Role } from "./register-schema";
import type { Locale } from "../i18n/config";
import { limitRegistrationAttempt, registrationCount, type RegistrationCount } from "./registration-limit";
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
  /** The language of the page signed up on (Profile.locale); English when absent. */
  locale?: Locale;
  /** Reserved from the table's sequence by the pre-check (registerUser); else the insert draws one. */
  id?: number;
}

/**
 * Signs a person up: counts the attempt against the address's limit, validates, hashes
 * the password outside any transaction, then creates the user and the profile together.
 * The database's case-insensitive unique indexes decide duplicates; the pre-check only
 * spares a hash for the common case.
 */
export async function registerUser(input: unknown, ctx: UseCaseContext): Promise<RegisteredUser> {
  const { db, log } = ctx;
  // The attempt is counted in the pre-check's own statement (registrationCount); input that
  // never reaches it is counted alone before its refusal, as every attempt must be.
  const count = registrationCount(ctx);
  const registration = await prepareRegistration(input, db, log, {
    reserveId: true,
    count,
    countAlone: () => limitRegistrationAttempt(ctx),
  });
  const user = await createSignUp(db, registration, log);
  log.info({ event: "registration.succeeded", userId: user.id, role: registration.role }, "user registered");
  return { id: user.id, username: user.username, email: registration.email, role: registration.role };
}

/**
 * Everything of a sign-up that happens before the write: validation, the duplicate
 * pre-check and the (slow) password hash. Logs and throws refusals as registerUser does.
 */
export async function prepareRegistration(
  input: unknown,
  db: Db,
  log: Logger = logger,
  opts: {
    reserveId?: boolean;
    /** The attempt's count, run in the pre-check's statement (lib/users/registration-limit.ts). */
    count?: RegistrationCount | null;
    /** Counts the attempt alone: for input refused before the pre-check. */
    countAlone?: () => Promise<void>;
  } = {},
): Promise<PreparedRegistration> {
  let data;
  try {
    data = parseInput(registerSchema, input, REQUIRED_MESSAGE);
  } catch (err) {
    // Over the limit, the 429 comes first, as when the count ran before reading the input.
    await opts.countAlone?.();
    if (err instanceof DomainError) {
      log.info({ event: "registration.rejected", reason: err.code, message: err.message }, "registration rejected");
      throw await withTakenFields(db, err, input);
    }
    throw err;
  }
  const { username, email, password, role, bio, locale } = data;
  const taken = await findTaken(db, username, email, opts.reserveId ?? false, opts.count ?? null);
  const refusal = taken.refusal ?? (usernameClaimsOtherEmail(username, email) ? usernameNotOwnEmail : null);
  if (refusal) {
    logTaken(log, refusal, "precheck", email);
    // The sentence is the old API's (the username first); a page lists both fields.
    throw taken.usernameTaken && taken.emailTaken
      ? new DomainError(refusal.code, refusal.message, refusal.status, { ...usernameTaken.fields, ...emailTaken.fields })
      : refusal;
  }
  const passwordHash = await hashPassword(password);
  return { username, email, passwordHash, role, bio, locale, ...(taken.id !== null ? { id: taken.id } : {}) };
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
  const taken = await findTaken(db, username.success ? username.data : "", email.success ? email.data : "", false, null);
  const had = err.fields ?? {};
  const usernameTakenNow = taken.usernameTaken && username.success;
  const emailTakenNow = taken.emailTaken && email.success;
  if (!(usernameTakenNow && !had.username) && !(emailTakenNow && !had.email)) return err;
  // In the form's order, so the page's summary reads top to bottom.
  const fields: Record<string, string> = {};
  if (usernameTakenNow || had.username) fields.username = had.username ?? USERNAME_TAKEN;
  if (emailTakenNow || had.email) fields.email = had.email ?? EMAIL_TAKEN;
  return new DomainError(err.code, err.message, err.status, { ...fields, ...had });
}

/**
 * A sign-up's whole write in ONE statement, so one round trip and its own transaction:
 * the user (its identifiers by the trigger on "User"), the profile, the verification
 * link and its email; all or nothing, and COMMIT is where the deferred trigger checks
 * the profile. The id was reserved from the table's sequence by the pre-check, so the
 * email's link (which names the id) is written in the same statement. A brand-new
 * account has no earlier link to replace, so the lock and delete of issueLink() are not
 * needed; the partial unique index on unspent links still guards. Before: BEGIN, this
 * insert, a lock, a delete, two inserts and COMMIT (7 round trips).
 */
async function createSignUp(db: Db, registration: PreparedRegistration, log: Logger): Promise<{ id: number; username: string }> {
  const { id, email } = registration;
  if (id === undefined) {
    return inTransaction(db, async (tx) => {
      const created = await createUserWithProfile(tx, registration, log);
      await queueVerificationEmail(tx, { id: created.id, username: created.username, email });
      return created;
    });
  }
  const secret = newLinkSecret();
  const message = verificationEmail(registration, registration.locale ?? "en");
  const minutes = linkTtlMinutes("verify_email");
  const body = separateSecret(message.text(linkUrl(LINK_PAGES.verify_email, id, secret), minutes), secret);
  const rows = await insertUserWithProfile(db, registration, log, Prisma.sql`,
      l AS (
        INSERT INTO "OneTimeLink" ("userId", "purpose", "email", "tokenHash", "expiresAt")
        SELECT "id", 'verify_email'::"OneTimeLinkPurpose", ${email}, ${hashLinkSecret(secret)}, now() + make_interval(mins => ${minutes}::int)
        FROM u
        RETURNING 1
      ), o AS (
        INSERT INTO "Outbox" ("kind", "to", "subject", "text", "secret", "secretAt")
        SELECT ${message.kind}, ${email}, ${message.subject.slice(0, 255)}, ${body.text}, ${secret}, ${body.secretAt}::int
        FROM u
        RETURNING 1
      )`);
  return rows;
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
  return insertUserWithProfile(client, registration, log, Prisma.empty);
}

/** createUserWithProfile's statement, with more data-modifying CTEs (`more`, starting with a comma) on `u`. */
async function insertUserWithProfile(
  client: Db | Tx,
  registration: PreparedRegistration,
  log: Logger,
  more: Prisma.Sql,
): Promise<{ id: number; username: string }> {
  const { id, username, email, passwordHash, role, bio, locale } = registration;
  try {
    // One statement, so one round trip and its own transaction: both rows or neither
    // (the deferred trigger checks the profile exists when it commits). Prisma's nested
    // create took six (BEGIN, two INSERTs, a SELECT, COMMIT). Every other column is the
    // table's default, as with the nested create; the id is the sequence's unless the
    // pre-check reserved one from it.
    const rows = await directQuery<{ id: number; username: string }>(client, Prisma.sql`
      WITH u AS (
        INSERT INTO "User" ("id", "username", "email", "passwordHash")
        VALUES (${id === undefined ? Prisma.sql`DEFAULT` : Prisma.sql`${id}::int`}, ${username}, ${email}, ${passwordHash})
        RETURNING "id", "username"
      ), p AS (
        INSERT INTO "Profile" ("userId", "role", "bio", "locale")
        SELECT "id", CAST(${role}::text AS "Role"), ${bio ?? null}, ${locale ?? "en"} FROM u
        RETURNING "userId"
      )${more}
      SELECT u."id", u."username" FROM u JOIN p ON p."userId" = u."id"`);
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
// as the unique indexes, so the fast path and the guard agree. The username check comes
// first because the old API reported it first.
// `reserveId`: when neither is taken, the same statement also draws the new account's id
// from the table's sequence (the sign-up then writes everything in one statement).
// `count`: the attempt's rate-limit count runs in the same statement; over the limit, a 429
// (and no id is drawn).
//
// The count is this statement's only write, and the only thing a crash of PostgreSQL could
// lose if its commit does not wait for the write-ahead log to reach the disk (at most the
// last ~0.6 s of counts: a budget, not an invariant). So this transaction alone commits
// with synchronous_commit off (transaction-local, also behind PgBouncer): ~0.3 ms less
// PostgreSQL CPU per attempt on this machine (bench/sign-up-sql.ts). The sign-up's insert
// commits synchronously as ever, and its flush covers the id drawn here (the log is written
// in order).
const ASYNC_COMMIT = Prisma.sql`set_config('synchronous_commit', 'off', true) AS "asyncCommit"`;
async function findTaken(
  db: Db,
  username: string,
  email: string,
  reserveId: boolean,
  count: RegistrationCount | null,
): Promise<{ refusal: DomainError | null; id: number | null; usernameTaken: boolean; emailTaken: boolean }> {
  const rows = await directQuery<{ usernameTaken: boolean; emailTaken: boolean; id: number | null; points: bigint | number | null; expire: bigint | number | null }>(db, Prisma.sql`
    WITH ${count ? Prisma.sql`${count.cte},` : Prisma.empty} wanted AS (
      SELECT ${ciKey(username)} AS username, ${ciKey(email)} AS email
    ), held AS (
      SELECT ${ciKey(column("i.identifier"))} AS k FROM "SignInIdentifier" i, wanted w
      WHERE ${ciKey(column("i.identifier"))} IN (w.username, w.email)
      UNION ALL
      SELECT ${ciKey(column("u.username"))} FROM "User" u, wanted w WHERE ${ciKey(column("u.username"))} = w.username
      UNION ALL
      SELECT ${ciKey(column("u.email"))} FROM "User" u, wanted w WHERE ${ciKey(column("u.email"))} = w.email
    )
    , verdict AS (
      SELECT coalesce(bool_or(h.k = w.username), false) AS "usernameTaken",
             coalesce(bool_or(h.k = w.email), false) AS "emailTaken"
      FROM held h, wanted w
    )
    SELECT "usernameTaken", "emailTaken",
           ${count ? Prisma.sql`rl."points", rl."expire", ${ASYNC_COMMIT},` : Prisma.sql`NULL::int AS "points", NULL::bigint AS "expire",`}
           CASE WHEN ${reserveId}::boolean AND NOT "usernameTaken" AND NOT "emailTaken"
                ${count ? Prisma.sql`AND rl."points" <= ${count.max}::int` : Prisma.empty}
                THEN nextval(pg_get_serial_sequence('"User"', 'id'))::int END AS "id"
    FROM verdict ${count ? Prisma.sql`, rl` : Prisma.empty}`);
  const row = rows[0];
  if (count && row) count.check({ points: row.points!, expire: row.expire });
  const id = row?.id ?? null;
  const flags = { usernameTaken: row?.usernameTaken === true, emailTaken: row?.emailTaken === true };
  if (flags.usernameTaken) return { refusal: usernameTaken, id, ...flags };
  if (flags.emailTaken) return { refusal: emailTaken, id, ...flags };
  return { refusal: null, id, ...flags };
}
