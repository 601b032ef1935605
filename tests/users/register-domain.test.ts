import { describe, expect, it } from "vitest";
import { DomainError } from "../../lib/errors";
import { registerUser } from "../../lib/users/register";
import { newUser, testDb, uniq, withPg } from "../support/helpers";
import { testContext } from "../support/context";

describe("registerUser", () => {
  it("creates the user and exactly one profile", async () => {
    const input = newUser({ role: "both", bio: "hi" });
    const user = await registerUser(input, testContext());
    expect(user).toMatchObject({ username: input.username, role: "both" });
    const profiles = await testDb().profile.findMany({ where: { userId: user.id } });
    expect(profiles).toHaveLength(1);
  });

  it("lets the database decide duplicates when requests pass the pre-check together", async () => {
    // All ten pass the pre-check before any commits; the unique index refuses nine.
    const email = `${uniq("race")}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => registerUser(newUser({ email: i % 2 ? email.toUpperCase() : email }), testContext())),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const err of refused) {
      expect(err).toBeInstanceOf(DomainError);
      expect(err.message).toBe("Email already registered.");
    }
  });

  it("names every field at fault at once, keeping the old API's sentence", async () => {
    const first = await registerUser(newUser(), testContext());
    // A common password and a taken username: the sentence is the password's (the schema
    // refuses first, as before), and the username is named too.
    const both = await registerUser(newUser({ username: first.username.toUpperCase(), password: "password123" }), testContext()).catch((e) => e);
    expect(both).toBeInstanceOf(DomainError);
    expect(both.message).toBe("This password is too common.");
    expect(both.fields).toEqual({ password: "This password is too common.", username: "Username already taken." });
    // Username and email both taken: the username's sentence, both fields.
    const dup = await registerUser(newUser({ username: first.username, email: first.email }), testContext()).catch((e) => e);
    expect(dup.message).toBe("Username already taken.");
    expect(dup.fields).toEqual({ username: "Username already taken.", email: "Email already registered." });
    // A field that does not parse is not looked up: only the sentence the schema gave.
    const bad = await registerUser(newUser({ username: "bad name!", email: first.email, password: "" }), testContext()).catch((e) => e);
    expect(bad.message).toBe("Username, email, and password are required.");
    expect(bad.fields.email).toBe("Email already registered.");
    expect(bad.fields.username).not.toBe("Username already taken.");
  });

  it("never leaves a user behind when the profile cannot be created", async () => {
    const input = newUser({ bio: "x" });
    // Sabotage the profile insert for this one username, inside the same transaction.
    await withPg(async (c) => {
      await c.query(`CREATE OR REPLACE FUNCTION test_fail_profile() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT username FROM "User" WHERE id = NEW."userId") = '${input.username}' THEN
            RAISE EXCEPTION 'profile insert sabotaged';
          END IF;
          RETURN NEW;
        END $$`);
      await c.query(`CREATE TRIGGER test_fail_profile BEFORE INSERT ON "Profile" FOR EACH ROW EXECUTE FUNCTION test_fail_profile()`);
    });
    try {
      await expect(registerUser(input, testContext())).rejects.toThrow();
      expect(await testDb().user.count({ where: { username: input.username } })).toBe(0);
    } finally {
      await withPg(async (c) => {
        await c.query(`DROP TRIGGER test_fail_profile ON "Profile"`);
        await c.query(`DROP FUNCTION test_fail_profile()`);
      });
    }
  });
});

describe("the database refuses a user without a profile", () => {
  it("fails the commit of a user inserted by raw SQL without a profile", async () => {
    const username = uniq("orphan");
    await withPg(async (c) => {
      await c.query("BEGIN");
      await c.query(`INSERT INTO "User" (username, email, "passwordHash") VALUES ($1, $2, 'x')`, [
        username,
        `${username}@example.com`,
      ]);
      await expect(c.query("COMMIT")).rejects.toThrow(/has no profile/);
    });
    expect(await testDb().user.count({ where: { username } })).toBe(0);
  });

  it("accepts user and profile inserted in the same transaction, in either order of checks", async () => {
    const username = uniq("pair");
    await withPg(async (c) => {
      await c.query("BEGIN");
      const { rows } = await c.query(
        `INSERT INTO "User" (username, email, "passwordHash") VALUES ($1, $2, 'x') RETURNING id`,
        [username, `${username}@example.com`],
      );
      await c.query(`INSERT INTO "Profile" ("userId") VALUES ($1)`, [rows[0].id]);
      await c.query("COMMIT");
    });
    expect(await testDb().user.count({ where: { username } })).toBe(1);
  });

  it("refuses deleting a profile while its user exists, but allows deleting the user", async () => {
    const user = await registerUser(newUser(), testContext());
    await withPg(async (c) => {
      await expect(c.query(`DELETE FROM "Profile" WHERE "userId" = $1`, [user.id])).rejects.toThrow(/has no profile/);
      await c.query(`DELETE FROM "User" WHERE id = $1`, [user.id]);
    });
    expect(await testDb().profile.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a second profile for one user", async () => {
    const user = await registerUser(newUser(), testContext());
    await withPg(async (c) => {
      await expect(c.query(`INSERT INTO "Profile" ("userId") VALUES ($1)`, [user.id])).rejects.toThrow(
        /Profile_userId_key/,
      );
    });
  });
});
