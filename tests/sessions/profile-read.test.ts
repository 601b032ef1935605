import { describe, expect, it } from "vitest";
import { issueApiToken, userForApiTokenWithId } from "../../lib/auth/credentials/api-tokens";
import { createSession, userForSession } from "../../lib/auth/credentials/session-rows";
import type { Db } from "../../lib/db/client";
import { DEFAULT_PREFERENCE, preferenceSelect, toPreferenceView } from "../../lib/profiles/preferences-row";
import { readOwnProfile, type OwnProfile } from "../../lib/users/get-profile";
import { registerUser } from "../../lib/users/register";
import { testContext } from "../support/context";
import { newUser, testDb, withPg } from "../support/helpers";

// Issue 24: the profile route's read is ONE statement (credential, user, profile,
// preference), and the credential's last-used stamp moves at most once a minute. The
// profile it reads must be what Prisma's own query of the same rows reads, types included.
// (`counting` wraps the client, so those reads take $queryRaw; the plain client's go
// straight to its pool, compared below.)

/** What the profile read was before (Prisma's nested select), as the reference. */
async function reference(db: Db, userId: number): Promise<OwnProfile> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, username: true, email: true, isStaff: true, dateJoined: true, emailVerifiedAt: true, profile: true, preference: { select: preferenceSelect } },
  });
  const p = user.profile!;
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    isStaff: user.isStaff,
    dateJoined: user.dateJoined,
    role: p.role,
    bio: p.bio,
    displayName: p.displayName,
    firstName: p.firstName,
    lastName: p.lastName,
    activeGuide: p.activeGuide,
    canInviteTeachers: p.canInviteTeachers,
    emailVerified: user.emailVerifiedAt !== null,
    details: p,
    preference: user.preference ? toPreferenceView(user.preference) : DEFAULT_PREFERENCE,
  };
}

/** The client, counting every database call made through it. */
function counting(db: Db): { db: Db; calls: () => number } {
  let n = 0;
  const DB_CALLS = new Set(["$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe", "$transaction", "user", "profile", "userPreference", "apiToken", "session"]);
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && DB_CALLS.has(prop)) n++;
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: proxy, calls: () => n };
}

async function member(opts: { withPreference: boolean }) {
  const db = testDb();
  const input = newUser({ role: "guide", bio: "Teaches Go" });
  const { id } = await registerUser(input, testContext());
  // Columns of every kind the answer carries: arrays, a float, a date, JSON.
  await withPg(async (c) => {
    await c.query(
      `UPDATE "Profile" SET "showcaseImage1Tags" = '{3,1}', "overallAbilityScore" = 1.25, "lastAbilityUpdate" = now(),
         "displayName" = 'Ada', "profileImage" = 'user_1/profile_image/a.png' WHERE "userId" = $1`,
      [id],
    );
    if (opts.withPreference) {
      await c.query(
        `INSERT INTO "UserPreference" ("userId", "languagesSpoken", "interestedTags", "location") VALUES ($1, '["en","ja"]', '{7}', 'Kyoto')`,
        [id],
      );
    }
  });
  const key = await issueApiToken(db, id);
  const { secret } = await createSession(db, id);
  return { id, key, secret };
}

describe("the profile read in one statement", () => {
  for (const withPreference of [false, true]) {
    it(`reads credential, user and profile in one call, as Prisma reads them (${withPreference ? "with" : "without"} a preference row)`, async () => {
      const { id, key, secret } = await member({ withPreference });
      const expected = await reference(testDb(), id);

      const byToken = counting(testDb());
      const found = await userForApiTokenWithId(byToken.db, key, { withProfile: true });
      expect(byToken.calls()).toBe(1);
      expect(found?.user.id).toBe(id);
      expect(found?.profile).toEqual(expected);

      const bySession = counting(testDb());
      const session = await userForSession(bySession.db, secret, { withProfile: true });
      expect(bySession.calls()).toBe(1);
      expect(session?.user.id).toBe(id);
      expect(session?.profile).toEqual(expected);

      // The /account page's and the login answer's read: one statement, the same profile.
      const alone = counting(testDb());
      expect(await readOwnProfile(alone.db, id)).toEqual(expected);
      expect(alone.calls()).toBe(1);
    });
  }

  // The server's own client sends these statements straight to its pool (lib/db/direct-query.ts):
  // they must read what Prisma reads, in any time zone the host runs in (a laptop in Tokyo,
  // a server in California). Their dates are all timestamptz, which the driver reads the
  // same in every zone; the reader for `timestamp` columns is tested in
  // tests/db/direct-query.test.ts, where it fails without it.
  for (const zone of ["UTC", "Asia/Tokyo", "America/Los_Angeles"]) {
    it(`reads the same profile straight from the pool as through Prisma, the process in ${zone}`, async () => {
      const { id, key, secret } = await member({ withPreference: true });
      const was = process.env.TZ;
      process.env.TZ = zone;
      try {
        expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(zone === "UTC" ? 0 : zone === "Asia/Tokyo" ? -540 : 480);
        const expected = await reference(testDb(), id);
        expect(expected.details.lastAbilityUpdate).toBeInstanceOf(Date);
        const viaToken = await userForApiTokenWithId(testDb(), key, { withProfile: true });
        expect(viaToken?.profile).toEqual(expected);
        const viaSession = await userForSession(testDb(), secret, { withProfile: true });
        expect(viaSession?.profile).toEqual(expected);
        expect(viaSession?.user).toEqual(viaToken?.user);
      } finally {
        if (was === undefined) delete process.env.TZ;
        else process.env.TZ = was;
      }
    });
  }

  it("reads no profile unless asked", async () => {
    const { key, secret } = await member({ withPreference: false });
    expect((await userForApiTokenWithId(testDb(), key))?.profile).toBeUndefined();
    expect((await userForSession(testDb(), secret))?.profile).toBeUndefined();
  });

  it("answers the route's 404 sentence for an account without a profile", async () => {
    const { id, key } = await member({ withPreference: false });
    // The deferred trigger refuses a user without a profile at commit: take it away for
    // the length of one transaction and read inside it.
    const err = await testDb()
      .$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM "Profile" WHERE "userId" = ${id}`;
        await userForApiTokenWithId(tx as unknown as Db, key, { withProfile: true });
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, message: "No profile was found for this account." });
  });
});

describe("last-used stamps move at most once a minute, in the same statement", () => {
  it("moves an API token's lastUsedAt when it is older than a minute, and not again within it", async () => {
    const { key } = await member({ withPreference: false });
    const stamp = () => withPg((c) => c.query(`SELECT "lastUsedAt" FROM "ApiToken" WHERE "keyHash" = encode(sha256($1::bytea), 'hex')`, [key]));
    await userForApiTokenWithId(testDb(), key, { withProfile: true });
    const first = (await stamp()).rows[0].lastUsedAt as Date;
    expect(first).toBeInstanceOf(Date);
    // Within the minute: unchanged.
    await userForApiTokenWithId(testDb(), key, { withProfile: true });
    expect(((await stamp()).rows[0].lastUsedAt as Date).getTime()).toBe(first.getTime());
    // Two minutes old (set back in SQL, no sleeping): moved to now.
    await withPg((c) => c.query(`UPDATE "ApiToken" SET "lastUsedAt" = now() - interval '2 minutes' WHERE "keyHash" = encode(sha256($1::bytea), 'hex')`, [key]));
    await userForApiTokenWithId(testDb(), key, { withProfile: true });
    const moved = (await stamp()).rows[0].lastUsedAt as Date;
    expect(Date.now() - moved.getTime()).toBeLessThan(60_000);
  });

  it("moves a session's lastSeenAt when it is older than a minute, and not again within it", async () => {
    const { secret } = await member({ withPreference: false });
    const stamp = () => withPg((c) => c.query(`SELECT "lastSeenAt" FROM "Session" WHERE "tokenHash" = encode(sha256($1::bytea), 'hex')`, [secret]));
    const created = (await stamp()).rows[0].lastSeenAt as Date;
    await userForSession(testDb(), secret, { withProfile: true });
    expect(((await stamp()).rows[0].lastSeenAt as Date).getTime()).toBe(created.getTime());
    await withPg((c) => c.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '2 minutes' WHERE "tokenHash" = encode(sha256($1::bytea), 'hex')`, [secret]));
    await userForSession(testDb(), secret, { withProfile: true });
    const moved = (await stamp()).rows[0].lastSeenAt as Date;
    expect(Date.now() - moved.getTime()).toBeLessThan(60_000);
  });
});
