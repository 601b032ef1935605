import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/client";
import { withHashAdmission } from "../../security/hash-admission";
import { verifyLegacyPassword } from "../../users/legacy-hashers";

// A refused sign-in must not tell, by its time, whether the name exists (review N-L4).
// Unknown names verify a dummy argon2id hash, as dear as ours; but a Django hash the
// import kept costs what its own parameters say: PBKDF2 at 1,000,000 iterations took
// 330 ms where the dummy took 45, so a slow "no" meant "an old account lives here".
// Every refusal therefore lasts at least as long as verifying the slowest legacy hash
// still stored: measured by verifying it (against a random password) when first
// needed and every REFRESH_MS, and raised by any slower legacy verification seen since.
// The wait is a timer, not work. Without legacy hashes the floor is 0 and costs nothing.

const REFRESH_MS = 10 * 60 * 1000;

let floor: { ms: number; measuredAt: number } | undefined;
let measuring: Promise<number> | undefined;

/** The slowest stored hash of each legacy family: PBKDF2 by iterations, bcrypt by cost, Django's argon2. */
async function slowestLegacyHashes(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ passwordHash: string }[]>`
    (SELECT "passwordHash" FROM "User" WHERE "passwordHash" ~ '^pbkdf2_sha(1|256)\\$[0-9]{1,9}\\$'
      ORDER BY split_part("passwordHash", '$', 2)::int DESC LIMIT 1)
    UNION ALL
    (SELECT "passwordHash" FROM "User" WHERE "passwordHash" ~ '^bcrypt(_sha256)?\\$\\$2[abxy]?\\$[0-9]{2}\\$'
      ORDER BY substring("passwordHash" FROM '\\$2[abxy]?\\$([0-9]{2})\\$') DESC LIMIT 1)
    UNION ALL
    (SELECT "passwordHash" FROM "User" WHERE "passwordHash" LIKE 'argon2$%' LIMIT 1)`;
  return rows.map((r) => r.passwordHash);
}

async function measure(db: Db): Promise<number> {
  let slowest = 0;
  for (const hash of await slowestLegacyHashes(db)) {
    const started = performance.now();
    await withHashAdmission(() => verifyLegacyPassword(hash, randomBytes(12).toString("base64url")));
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}

/** The least time a refused sign-in takes, from the start of its password check, in ms. */
export async function failureFloorMs(db: Db): Promise<number> {
  if (floor && Date.now() - floor.measuredAt < REFRESH_MS) return floor.ms;
  measuring ??= measure(db)
    .then((ms) => {
      floor = { ms, measuredAt: Date.now() };
      return ms;
    })
    .finally(() => {
      measuring = undefined;
    });
  // A stale floor still answers while the new measurement runs; the first one waits for it.
  return floor ? floor.ms : measuring;
}

/** A legacy hash was just verified in `ms`: a busier machine makes them slower, and so the floor. */
export function observeLegacyVerification(ms: number): void {
  if (floor && ms > floor.ms) floor = { ...floor, ms };
}

/** Waits until `floorMs` after `startedAt` (performance.now()). */
export async function waitForFloor(startedAt: number, floorMs: number): Promise<void> {
  const left = startedAt + floorMs - performance.now();
  if (left > 1) await sleep(left);
}

/** For tests: forget the measurement. */
export function resetFailureFloor(): void {
  floor = undefined;
}
