import { createHash, pbkdf2, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { verify as argon2Verify } from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";

// Django's encoded password hashes ("<algorithm>$…"), kept as they are by the Django
// import and verified here until the first successful sign-in rehashes them to argon2id
// (lib/auth/sign-in/authenticate.ts). Everything slow runs off the event loop: PBKDF2 on libuv's
// thread pool (async pbkdf2), argon2 and bcrypt in their native libraries' threads.
// Formats follow django/contrib/auth/hashers.py.

const pbkdf2Async = promisify(pbkdf2);

/** Django's encoded hashes start with an algorithm name; ours with "$argon2id$". */
export function isLegacyHash(encoded: string): boolean {
  return !encoded.startsWith("$");
}

/**
 * What the import and a migration store instead of a weak legacy hash: unusable (it
 * starts with "!", as Django's unusable passwords do, and matches nothing), and telling
 * sign-in to ask for a reset instead of "invalid credentials".
 */
export const RESET_REQUIRED_HASH = "!reset-required";

/**
 * Legacy formats too weak to accept as a password check (review N-L4): MD5 in any form
 * (Django's salted "md5$salt$…", unsalted "md5$$…" and the bare 32 hex digits), SHA-1 and
 * crypt, and PBKDF2 under 100,000 iterations (Django before 2.0). A GPU tries billions of
 * MD5 guesses a second: such a hash is as good as the password. Sign-in never verifies
 * them; the person resets the password by email instead.
 */
export function isWeakLegacyHash(encoded: string): boolean {
  if (encoded === RESET_REQUIRED_HASH) return true;
  if (/^(md5|sha1|crypt|unsalted_md5|unsalted_sha1)\$/.test(encoded) || /^[0-9a-f]{32}$/i.test(encoded)) return true;
  const pbkdf2 = /^pbkdf2_sha(?:1|256)\$(\d+)\$/.exec(encoded);
  return pbkdf2 !== null && Number(pbkdf2[1]) < 100_000;
}

/** Django's make_password(None) and set_unusable_password() store "!" + random text. */
export function isUnusableHash(encoded: string): boolean {
  return encoded.startsWith("!");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  // Lengths of a hash are public (they follow from the algorithm); contents are compared in constant time.
  return x.length === y.length && timingSafeEqual(x, y);
}

async function verifyPbkdf2(digest: "sha256" | "sha1", encoded: string, password: string): Promise<boolean> {
  const [, iterText, salt, expected, ...extra] = encoded.split("$");
  const iterations = Number(iterText);
  if (extra.length > 0 || !Number.isSafeInteger(iterations) || iterations < 1 || salt === undefined || !expected) return false;
  const keyLength = digest === "sha256" ? 32 : 20; // Django's dklen = the digest size
  const derived = await pbkdf2Async(Buffer.from(password, "utf8"), Buffer.from(salt, "utf8"), iterations, keyLength, digest);
  return sameText(derived.toString("base64"), expected);
}

async function verifyDjangoArgon2(encoded: string, password: string): Promise<boolean> {
  // Django stores "argon2" + argon2-cffi's PHC string ("$argon2id$v=19$m=…,t=…,p=…$salt$hash").
  const phc = encoded.slice("argon2".length);
  if (!phc.startsWith("$argon2")) return false;
  return argon2Verify(phc, password);
}

async function verifyBcryptSha256(encoded: string, password: string): Promise<boolean> {
  // Django hashes the password with SHA-256 first (hex digest) so bcrypt's 72-byte limit never truncates it.
  const bcryptHash = encoded.slice("bcrypt_sha256$".length);
  const prehashed = createHash("sha256").update(password, "utf8").digest("hex");
  return bcryptVerify(prehashed, bcryptHash);
}

async function verifyBcrypt(encoded: string, password: string): Promise<boolean> {
  return bcryptVerify(Buffer.from(password, "utf8"), encoded.slice("bcrypt$".length));
}

/** Whether `password` matches a Django-encoded hash. Unknown, malformed and weak hashes never match. */
export async function verifyLegacyPassword(encoded: string, password: string): Promise<boolean> {
  if (isUnusableHash(encoded) || isWeakLegacyHash(encoded)) return false;
  const algorithm = encoded.slice(0, encoded.indexOf("$"));
  try {
    switch (algorithm) {
      case "pbkdf2_sha256":
        return await verifyPbkdf2("sha256", encoded, password);
      case "pbkdf2_sha1":
        return await verifyPbkdf2("sha1", encoded, password);
      case "argon2":
        return await verifyDjangoArgon2(encoded, password);
      case "bcrypt_sha256":
        return await verifyBcryptSha256(encoded, password);
      case "bcrypt":
        return await verifyBcrypt(encoded, password);
      default:
        return false;
    }
  } catch {
    // A hash the library cannot parse is a hash nobody can sign in with, not a fault.
    return false;
  }
}
