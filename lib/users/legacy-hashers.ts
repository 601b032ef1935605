import { createHash, pbkdf2, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { verify as argon2Verify } from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";

// Django's encoded password hashes ("<algorithm>$…"), kept as they are by the Django
// import and verified here until the first successful sign-in rehashes them to argon2id
// (lib/auth/authenticate.ts). Everything slow runs off the event loop: PBKDF2 on libuv's
// thread pool (async pbkdf2), argon2 and bcrypt in their native libraries' threads.
// Formats follow django/contrib/auth/hashers.py.

const pbkdf2Async = promisify(pbkdf2);

/** Django's encoded hashes start with an algorithm name; ours with "$argon2id$". */
export function isLegacyHash(encoded: string): boolean {
  return !encoded.startsWith("$");
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

function verifySaltedMd5(encoded: string, password: string): boolean {
  // "md5$<salt>$<hex md5(salt + password)>"; an empty salt is Django's unsalted_md5 in its "md5$$" form.
  const [, salt, expected, ...extra] = encoded.split("$");
  if (extra.length > 0 || salt === undefined || !expected) return false;
  const actual = createHash("md5").update(salt + password, "utf8").digest("hex");
  return sameText(actual, expected);
}

/** Whether `password` matches a Django-encoded hash. Unknown or malformed hashes never match. */
export async function verifyLegacyPassword(encoded: string, password: string): Promise<boolean> {
  if (isUnusableHash(encoded)) return false;
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
      case "md5":
        return verifySaltedMd5(encoded, password);
      default:
        return false;
    }
  } catch {
    // A hash the library cannot parse is a hash nobody can sign in with, not a fault.
    return false;
  }
}
