import { pbkdf2Sync, randomBytes, createHash } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { authenticateCredentials, PASSWORD_RESET_REQUIRED } from "../../lib/auth/sign-in/authenticate";
import { resetFailureFloor } from "../../lib/auth/sign-in/failure-floor";
import { logger } from "../../lib/log/logger";
import { createLimiters } from "../../lib/security/rate-limits";
import { registerUser } from "../../lib/users/register";
import { newUser, refusal, testDb, uniq } from "../support/helpers";
import { testContext } from "../support/context";

// Review N-L4: a wrong password on an account still holding a Django PBKDF2 hash took
// as long as that hash's iterations (1,000,000: ~330 ms) while an unknown name took one
// argon2id (~45 ms), so time told which names exist. Every refusal now lasts at least as
// long as the slowest stored legacy hash's check (lib/auth/sign-in/failure-floor.ts).

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
});

const quiet = logger.child({}, { level: "silent" });
const ctx = () => ({ db: testDb(), ip: "10.9.0.1", via: "api" as const, log: quiet, limiters: createLimiters({ prefix: uniq("t"), enabled: false }) });

function djangoPbkdf2(password: string, iterations: number): string {
  const salt = randomBytes(12).toString("base64url");
  return `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(password, salt, iterations, 32, "sha256").toString("base64")}`;
}

async function userWithHash(passwordHash: string) {
  const input = newUser();
  const { id } = await registerUser(input, testContext());
  await testDb().user.update({ where: { id }, data: { passwordHash } });
  return input.username;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.75)] - s[Math.floor(s.length * 0.25)];
};

describe("a refused sign-in takes as long for an unmigrated Django account as for an unknown name", () => {
  it("wrong password on a 1,000,000-iteration PBKDF2 account vs an unknown name: medians over 15 pairs, within the samples' spread", { timeout: 240_000 }, async () => {
    const legacy = await userWithHash(djangoPbkdf2("Right-password-1", 1_000_000));
    resetFailureFloor();
    const c = ctx();
    const attempt = async (username: string) => {
      const started = performance.now();
      await expect(authenticateCredentials({ username, password: "Wrong-password-1" }, c)).rejects.toMatchObject({ code: "invalid_credentials" });
      return performance.now() - started;
    };
    await attempt(uniq("ghost")); // the first refusal measures the floor: not a sample
    async function round() {
      const t = { legacy: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < 15; i++) {
        // Interleaved, alternating order: whatever else the machine does falls on both alike.
        for (const kind of i % 2 ? (["legacy", "unknown"] as const) : (["unknown", "legacy"] as const)) {
          t[kind].push(await attempt(kind === "legacy" ? legacy : uniq("ghost")));
        }
      }
      const [l, u] = [median(t.legacy), median(t.unknown)];
      const allowed = Math.max(15, 0.2 * Math.min(l, u), spread(t.legacy), spread(t.unknown));
      console.log(`[timing] refusals, medians over 15 each: legacy PBKDF2 account ${l.toFixed(0)} ms, unknown name ${u.toFixed(0)} ms, difference ${(l - u).toFixed(0)} ms (allowed ${allowed.toFixed(0)})`);
      return Math.abs(l - u) < allowed;
    }
    // A real difference shows in every round; a burst of other work does not last three.
    let alike = false;
    try {
      for (let r = 0; r < 3 && !alike; r++) alike = await round();
    } finally {
      // The suite's servers share this database: left behind, this hash would set their
      // floor (every refused sign-in ~330 ms) for the rest of the run.
      await testDb().user.deleteMany({ where: { username: legacy } });
    }
    expect(alike).toBe(true);
  });
});

describe("weak legacy hashes", () => {
  it("MD5 (unsalted or salted) is never checked, even with the right password: the answer says the password must be reset", async () => {
    const md5 = (s: string) => createHash("md5").update(s).digest("hex");
    for (const hash of [`md5$$${md5("Right-password-1")}`, `md5$pepper$${md5("pepperRight-password-1")}`, "!reset-required"]) {
      const username = await userWithHash(hash);
      for (const password of ["Right-password-1", "Wrong-password-1"]) {
        expect(await refusal(authenticateCredentials({ username, password }, ctx()))).toMatchObject({ status: 400, code: "password_reset_required", message: PASSWORD_RESET_REQUIRED });
      }
      // Still its hash: nothing upgraded it to argon2id from the weak one.
      expect((await testDb().user.findFirstOrThrow({ where: { username } })).passwordHash).toBe(hash);
    }
  });
});
