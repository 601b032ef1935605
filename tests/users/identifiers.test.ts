import { describe, expect, it } from "vitest";
import { registerAndAcceptInvitation } from "../../lib/invitations/register-and-accept";
import { findUserByLogin } from "../../lib/users/find-user";
import { hashPassword } from "../../lib/users/password-hash";
import { createUserWithProfile, registerUser, USERNAME_NOT_OWN_EMAIL } from "../../lib/users/register";
import { resolveUser } from "../../lib/users/resolve-user";
import { pendingInvitation } from "../support/invite";
import { newUser, refusal, STRONG_PASSWORD, testDb, uniq, withPg } from "../support/helpers";
import { testContext } from "../support/context";

// One identifier, one account (DOMAIN.md "Identity", review M3): a username or email names
// at most one account, in any letter case, and the database holds it.

const USERNAME_TAKEN = "Username already taken.";
const EMAIL_TAKEN = "Email already registered.";

const address = (prefix = "id") => `${uniq(prefix)}@example.com`;

async function identifiersOf(userId: number) {
  const { rows } = await withPg((c) =>
    c.query(`SELECT kind::text, identifier FROM "SignInIdentifier" WHERE "userId" = $1 ORDER BY "SignInIdentifier".kind`, [userId]),
  );
  return rows;
}

describe("registration: a username or email that is already another account's identifier", () => {
  it("refuses a username equal to another account's email, in any letter case: 'Username already taken.'", async () => {
    const victim = await registerUser(newUser(), testContext());
    for (const username of [victim.email, victim.email.toUpperCase()]) {
      const err = await refusal(registerUser(newUser({ username, email: address("squat") }), testContext()));
      expect(err.message).toBe(USERNAME_TAKEN);
      expect(err.fields).toEqual({ username: USERNAME_TAKEN });
    }
  });

  it("refuses an email equal to another account's username: 'Email already registered.'", async () => {
    // The only usernames an email can equal are email-shaped ones, i.e. someone's own email.
    const owner = address("own");
    await registerUser(newUser({ username: owner, email: owner }), testContext());
    const err = await refusal(registerUser(newUser({ email: owner.toUpperCase().replace("@EXAMPLE.COM", "@example.com") }), testContext()));
    expect(err.message).toBe(EMAIL_TAKEN);
  });

  it("when the username and the email are both taken, the username's sentence wins", async () => {
    const a = await registerUser(newUser(), testContext());
    const b = await registerUser(newUser(), testContext());
    const err = await refusal(registerUser(newUser({ username: a.email, email: b.email }), testContext()));
    expect(err.message).toBe(USERNAME_TAKEN);
  });

  it("allows one's own email as username (any letter case): one identifier row, sign-in by it reaches the account", async () => {
    const email = address("self");
    const user = await registerUser(newUser({ username: email.toUpperCase(), email }), testContext());
    expect(await identifiersOf(user.id)).toEqual([{ kind: "both", identifier: email }]);
    expect((await findUserByLogin(testDb(), email))?.id).toBe(user.id);
  });

  it("refuses a username shaped like an email address that is not the account's own, with its own sentence", async () => {
    const err = await refusal(registerUser(newUser({ username: address("other"), email: address("mine") }), testContext()));
    expect(err.message).toBe(USERNAME_NOT_OWN_EMAIL);
    expect(err.status).toBe(400);
    // "@" alone does not make an address: handles like these stay allowed.
    for (const username of [`@${uniq("handle")}`, `${uniq("name")}@`]) {
      const user = await registerUser(newUser({ username }), testContext());
      expect(user.username).toBe(username);
    }
  });

  it("keeps one row per identifier, and deleting the user frees them", async () => {
    const input = newUser();
    const user = await registerUser(input, testContext());
    expect(await identifiersOf(user.id)).toEqual([
      { kind: "username", identifier: input.username },
      { kind: "email", identifier: input.email },
    ]);
    await testDb().user.delete({ where: { id: user.id } });
    expect(await identifiersOf(user.id)).toEqual([]);
    const again = await registerUser({ ...input, username: input.username.toUpperCase() }, testContext());
    expect(again.id).not.toBe(user.id);
  });

  it("the invitation sign-up obeys the same rule (the trigger covers every path)", async () => {
    const db = testDb();
    const other = await registerUser(newUser(), testContext({ db }));
    const { token } = await pendingInvitation(db);
    const err = await refusal(registerAndAcceptInvitation({ token, username: other.email, password: STRONG_PASSWORD }, testContext({ db })));
    expect(err.message).toBe(USERNAME_TAKEN);
  });
});

describe("the database refuses, whatever the path", () => {
  const prepared = async (username: string, email: string) => ({
    username,
    email,
    passwordHash: await hashPassword(STRONG_PASSWORD),
    role: "explorer" as const,
    bio: undefined,
  });

  it("past the pre-check, the trigger's refusals map to the contract's sentences", async () => {
    const db = testDb();
    const a = await registerUser(newUser(), testContext({ db }));
    const owner = address("own");
    await registerUser(newUser({ username: owner, email: owner }), testContext({ db }));

    expect((await refusal(createUserWithProfile(db, await prepared(a.email.toUpperCase(), address())))).message).toBe(USERNAME_TAKEN);
    expect((await refusal(createUserWithProfile(db, await prepared(uniq("u"), owner)))).message).toBe(EMAIL_TAKEN);
    expect((await refusal(createUserWithProfile(db, await prepared(a.email, owner)))).message).toBe(USERNAME_TAKEN);
    expect((await refusal(createUserWithProfile(db, await prepared(address("x"), address("y"))))).message).toBe(USERNAME_NOT_OWN_EMAIL);
  });

  it("raw SQL cannot give a username another account's email, nor an email another's username", async () => {
    const a = await registerUser(newUser(), testContext());
    const b = await registerUser(newUser(), testContext());
    await withPg(async (c) => {
      await expect(c.query(`UPDATE "User" SET username = upper($1) WHERE id = $2`, [a.email, b.id])).rejects.toMatchObject({
        code: "23505",
        constraint: "SignInIdentifier_username_taken",
      });
      await expect(c.query(`UPDATE "User" SET email = $1 WHERE id = $2`, [a.email, b.id])).rejects.toMatchObject({ code: "23505" });
      const name = uniq("raw");
      await c.query("BEGIN");
      await expect(
        c.query(`INSERT INTO "User" (username, email, "passwordHash") VALUES ($1, $2, 'x')`, [a.email, `${name}@example.com`]),
      ).rejects.toMatchObject({ code: "23505", constraint: "SignInIdentifier_username_taken" });
      await c.query("ROLLBACK");
    });
  });

  it("changing a username or email moves its identifier; other updates leave them alone", async () => {
    const user = await registerUser(newUser(), testContext());
    const renamed = uniq("renamed");
    const email = address("moved");
    await testDb().user.update({ where: { id: user.id }, data: { username: renamed, email } });
    expect(await identifiersOf(user.id)).toEqual([
      { kind: "username", identifier: renamed },
      { kind: "email", identifier: email },
    ]);
    expect(await findUserByLogin(testDb(), user.username)).toBeNull();
    expect((await findUserByLogin(testDb(), renamed.toUpperCase()))?.id).toBe(user.id);
    // The old ones are free again.
    await registerUser(newUser({ username: user.username, email: user.email }), testContext());
  });
});

describe("every lookup by identifier resolves through the same rule", () => {
  // Sign-in itself (lib/auth/sign-in/authenticate.ts uses findUserByLogin): tests/auth/login-route.test.ts.
  it("findUserByLogin by the victim's email reaches the victim after a squatting attempt", async () => {
    const victim = newUser();
    const victimId = (await registerUser(victim, testContext())).id;
    await refusal(registerUser(newUser({ username: victim.email, email: address("squat") }), testContext()));
    expect((await findUserByLogin(testDb(), victim.email.toUpperCase()))?.id).toBe(victimId);
  });

  it("resolveUser (staff and the operator CLI) names the one account", async () => {
    const user = await registerUser(newUser(), testContext());
    expect((await resolveUser(testDb(), user.email.toUpperCase())).id).toBe(user.id);
    expect((await resolveUser(testDb(), ` ${user.username.toUpperCase()} `)).id).toBe(user.id);
    expect((await refusal(resolveUser(testDb(), address("nobody")))).status).toBe(404);
  });
});
