import { createHash } from "node:crypto";

// Names the password hash a sign-in verified without carrying the hash around: SHA-256
// of it, hex. PostgreSQL computes the same from the stored hash
// (encode(sha256(convert_to("passwordHash", 'UTF8')), 'hex')), so creating a session or
// token can require, in the same statement, that the verified hash is still the
// account's (a password change or deactivation in between makes the insert a no-op).
export function credentialStamp(passwordHash: string): string {
  return createHash("sha256").update(passwordHash, "utf8").digest("hex");
}
