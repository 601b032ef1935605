import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { migrate, MIGRATIONS_DIR } from "../../lib/db/migrate";
import { findUserByLogin } from "../../lib/users/find-user";
import { createUserWithProfile } from "../../lib/users/register";
import { refusal, uniq, withPg } from "../support/helpers";

// The identifiers migration on a database written before it: rows that already break
// "one identifier, one account" must not stop it; they are reported, the email keeps the
// identifier, and new conflicts are refused from then on.

const MIGRATION = "20261201000100_sign_in_identifiers";
const schema = uniq("idmig");
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
});

function urls() {
  const base = new URL(inject("databaseUrl"));
  const pgUrl = new URL(base);
  pgUrl.searchParams.set("options", `-c search_path=${schema}`);
  const prismaUrl = new URL(base);
  prismaUrl.searchParams.set("schema", schema);
  return { pgUrl: pgUrl.toString(), prismaUrl: prismaUrl.toString() };
}

describe(`migration ${MIGRATION} on a database with conflicting rows`, () => {
  it("applies, reports the conflicts, lets the email keep its identifier and refuses new conflicts", async () => {
    const { pgUrl, prismaUrl } = urls();
    await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
    cleanup.push(() => withPg((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`)).then(() => undefined));

    const before = mkdtempSync(path.join(os.tmpdir(), "migs-"));
    cleanup.push(async () => rmSync(before, { recursive: true, force: true }));
    // The database as it was before this migration: only the migrations older than it.
    const older = (src: string) => {
      const folder = path.relative(MIGRATIONS_DIR, src).split(path.sep)[0];
      return !/^\d{14}_/.test(folder) || folder < MIGRATION;
    };
    cpSync(MIGRATIONS_DIR, before, { recursive: true, filter: older });
    await migrate(pgUrl, { dir: before });

    const t = uniq("t");
    const people = {
      // Alice's email is Bob's username (in another letter case): the conflict.
      alice: { username: `alice_${t}`, email: `alice_${t}@example.com` },
      bob: { username: `ALICE_${t}@example.com`, email: `bob_${t}@example.com` },
      // Carol's username is her own email: one identifier.
      carol: { username: `Carol_${t}@example.com`, email: `carol_${t}@example.com` },
      dave: { username: `dave_${t}`, email: `dave_${t}@example.com` },
    };
    const ids: Record<string, number> = {};
    await withPg(async (c) => {
      for (const [name, p] of Object.entries(people)) {
        await c.query("BEGIN");
        const { rows } = await c.query(`INSERT INTO "User" (username, email, "passwordHash") VALUES ($1, $2, 'x') RETURNING id`, [p.username, p.email]);
        await c.query(`INSERT INTO "Profile" ("userId") VALUES ($1)`, [rows[0].id]);
        await c.query("COMMIT");
        ids[name] = rows[0].id;
      }
    }, pgUrl);

    const logged: string[] = [];
    const result = await migrate(pgUrl, { log: (m) => logged.push(m) });
    expect(result.applied[0]).toBe(MIGRATION); // then the later ones, in order
    // Reported in the log by user id, never by address.
    const warning = logged.find((m) => m.startsWith("warning:"));
    expect(warning).toContain(`user ids: ${ids.bob}`);
    expect(warning).not.toContain("@");

    const { identifiers, conflicts } = await withPg(async (c) => {
      const identifiers = await c.query(`SELECT "userId", kind::text, identifier FROM "SignInIdentifier" ORDER BY "userId", "SignInIdentifier".kind`);
      const conflicts = await c.query(`SELECT "userId", username, "heldByUserId" FROM "SignInIdentifierConflict"`);
      return { identifiers: identifiers.rows, conflicts: conflicts.rows };
    }, pgUrl);
    expect(identifiers).toEqual([
      { userId: ids.alice, kind: "username", identifier: people.alice.username },
      { userId: ids.alice, kind: "email", identifier: people.alice.email },
      { userId: ids.bob, kind: "email", identifier: people.bob.email },
      { userId: ids.carol, kind: "both", identifier: people.carol.email },
      { userId: ids.dave, kind: "username", identifier: people.dave.username },
      { userId: ids.dave, kind: "email", identifier: people.dave.email },
    ]);
    expect(conflicts).toEqual([{ userId: ids.bob, username: people.bob.username, heldByUserId: ids.alice }]);

    const db = createDb(prismaUrl);
    cleanup.push(() => db.$disconnect());
    // The contested string names Alice only; Bob still signs in with his email.
    expect((await findUserByLogin(db, people.bob.username))?.id).toBe(ids.alice);
    expect((await findUserByLogin(db, people.bob.email))?.id).toBe(ids.bob);
    // Bob's old row keeps working for everything else (signing in updates lastLogin).
    await db.user.update({ where: { id: ids.bob }, data: { lastLogin: new Date() } });

    // New conflicts are refused.
    const fresh = uniq("new");
    const prepared = (username: string, email: string) => ({ username, email, passwordHash: "x", role: "explorer" as const, bio: undefined });
    expect((await refusal(createUserWithProfile(db, prepared(people.dave.email, `${fresh}@example.com`)))).message).toBe("Username already taken.");
    expect((await refusal(createUserWithProfile(db, prepared(people.carol.username.toLowerCase(), people.carol.email)))).message).toBe(
      "Username already taken.",
    );
    expect((await refusal(createUserWithProfile(db, prepared(fresh, people.alice.email.toUpperCase().replace("@EXAMPLE.COM", "@example.com"))))).message).toBe(
      "Email already registered.",
    );
  });
});
