import { describe, expect, it } from "vitest";
import { baseUrl, STRONG_PASSWORD, uniq, withPg } from "../support/helpers";
import { countBy, storm } from "../support/storm";

const CREATED = '{"message":"User registered successfully."}';
const EMAIL_TAKEN = '{"error":"Email already registered."}';
const USERNAME_TAKEN = '{"error":"Username already taken."}';

// The incident: simultaneous sign-ups on several workers. Here 5 OS processes fire at
// one running server at the same instant.

const variants = (s: string, i: number) => (i % 3 === 0 ? s : i % 3 === 1 ? s.toUpperCase() : s[0].toUpperCase() + s.slice(1));

async function assertProfilesAndUniqueness(emails: string[]) {
  await withPg(async (c) => {
    const orphans = await c.query(
      `SELECT count(*)::int AS n FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u.id WHERE p.id IS NULL`,
    );
    expect(orphans.rows[0].n).toBe(0);
    const multi = await c.query(`SELECT count(*)::int AS n FROM (SELECT "userId" FROM "Profile" GROUP BY 1 HAVING count(*) > 1) x`);
    expect(multi.rows[0].n).toBe(0);
    for (const email of emails) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "User" WHERE lower(email) = lower($1)`, [email]);
      expect(rows[0].n).toBe(1);
    }
  });
}

describe("registration under concurrency from several processes", () => {
  it("50 simultaneous sign-ups sharing one email: one 201, 49 × 'Email already registered.'", async () => {
    const email = `${uniq("storm")}@example.com`;
    const requests = Array.from({ length: 50 }, (_, i) => ({
      path: "/api/users/register/",
      body: { username: uniq(`storm${i}`), email: variants(email, i), password: STRONG_PASSWORD },
    }));
    const { results } = await storm(baseUrl(), requests, 5);
    const counts = countBy(results);
    console.log("shared email storm:", counts);
    expect(counts).toEqual({ [`201 ${CREATED}`]: 1, [`400 ${EMAIL_TAKEN}`]: 49 });
    await assertProfilesAndUniqueness([email]);
  });

  it("50 simultaneous sign-ups sharing one username: one 201, 49 × 'Username already taken.'", async () => {
    const username = uniq("stormuser");
    const requests = Array.from({ length: 50 }, (_, i) => ({
      path: i % 2 ? "/api/users/register/" : "/api/users/register",
      body: { username: variants(username, i), email: `${uniq("e")}@example.com`, password: STRONG_PASSWORD },
    }));
    const { results } = await storm(baseUrl(), requests, 5);
    const counts = countBy(results);
    console.log("shared username storm:", counts);
    expect(counts).toEqual({ [`201 ${CREATED}`]: 1, [`400 ${USERNAME_TAKEN}`]: 49 });
    await withPg(async (c) => {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "User" WHERE lower(username) = lower($1)`, [username]);
      expect(rows[0].n).toBe(1);
    });
    await assertProfilesAndUniqueness([]);
  });

  it("10 simultaneous distinct sign-ups: ten 201", async () => {
    const users = Array.from({ length: 10 }, () => {
      const username = uniq("concurrent");
      return { username, email: `${username}@example.com`, password: "Pass123!" };
    });
    const { results } = await storm(baseUrl(), users.map((body) => ({ path: "/api/users/register/", body })), 5);
    expect(countBy(results)).toEqual({ [`201 ${CREATED}`]: 10 });
    await assertProfilesAndUniqueness(users.map((u) => u.email));
  });
});
