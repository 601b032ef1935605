import { afterAll, inject } from "vitest";
import type { Actor } from "../../lib/actor";
import { createDb, type Db } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { uniq, withPg } from "./helpers";
import { emailText } from "./mailbox";

// Fixtures for the guide-application, invitation, audit and outbox tests. Users are
// inserted directly (with a placeholder hash): these tests are about what happens after
// sign-up, and argon2 for hundreds of users would only slow the suite.

export interface TestUser extends Actor {
  username: string;
  email: string;
}

export async function makeUser(
  db: Db,
  opts: {
    isStaff?: boolean;
    isActive?: boolean;
    role?: "explorer" | "guide" | "both";
    canInviteTeachers?: boolean;
    prefix?: string;
    /** Whether the email counts as proven (issue 11); default true, as most tests are about what comes after. */
    emailVerified?: boolean;
  } = {},
): Promise<TestUser> {
  const username = uniq(opts.prefix ?? "t");
  const email = `${username}@example.com`;
  const user = await db.user.create({
    data: {
      username,
      email,
      passwordHash: "not-a-real-hash",
      isStaff: opts.isStaff ?? false,
      isActive: opts.isActive ?? true,
      emailVerifiedAt: opts.emailVerified === false ? null : new Date(),
      profile: { create: { role: opts.role ?? "explorer", canInviteTeachers: opts.canInviteTeachers ?? false } },
    },
  });
  return { id: user.id, isStaff: user.isStaff, username, email };
}

export const makeStaff = (db: Db) => makeUser(db, { isStaff: true, prefix: "staff" });
export const makeInviter = (db: Db) => makeUser(db, { canInviteTeachers: true, prefix: "inviter", role: "guide" });

export function profileOf(db: Db, userId: number) {
  return db.profile.findUniqueOrThrow({
    where: { userId },
    select: { role: true, activeGuide: true, canInviteTeachers: true },
  });
}

/** The token from the newest invitation email to `email`: how an invitee gets it (tests/support/mailbox.ts). */
export async function tokenFromMailbox(db: Db, email: string): Promise<string> {
  const message = await db.outbox.findFirst({
    where: { to: email, kind: "invitation.sent" },
    orderBy: { id: "desc" },
    select: { id: true, status: true, text: true, secret: true, secretAt: true },
  });
  const match = message && emailText(message, inject("databaseUrl")).match(/\/accept-invitation\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation email to ${email}`);
  return match[1];
}

/** Makes an invitation look as if it had been created `days` ago (keeping the 30-day CHECK). */
export async function ageInvitation(invitationId: number, days: number): Promise<void> {
  await withPg((c) =>
    c.query(
      `UPDATE "TeacherInvitation" SET "createdAt" = now() - make_interval(days => $2), "expiresAt" = now() - make_interval(days => $2) + interval '30 days' WHERE id = $1`,
      [invitationId, days],
    ),
  );
}

/**
 * A freshly migrated schema of its own, for tests whose subject is global (the outbox
 * worker claims every due row it can see): nothing else writes there.
 */
export async function isolatedSchema(): Promise<{ url: string; db: Db }> {
  const schema = uniq("iso");
  await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
  const base = new URL(inject("databaseUrl"));
  const forMigrate = new URL(base);
  forMigrate.searchParams.set("options", `-c search_path=${schema}`);
  await migrate(forMigrate.toString());
  base.searchParams.set("schema", schema);
  const url = base.toString();
  const db = createDb(url);
  afterAll(async () => {
    await db.$disconnect();
    await withPg((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
  });
  return { url, db };
}
