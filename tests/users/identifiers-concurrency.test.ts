import { describe, expect, it } from "vitest";
import { baseUrl, STRONG_PASSWORD, uniq, withPg } from "../support/helpers";
import { storm, type StormRequest } from "../support/storm";

// One identifier, one account under simultaneous sign-ups from several OS processes: in
// each pair one request takes an address as its username, the other as its email.

const CREATED = '{"message":"User registered successfully."}';
const USERNAME_TAKEN = '{"error":"Username already taken."}';
const EMAIL_TAKEN = '{"error":"Email already registered."}';
const NOT_OWN_EMAIL = '{"error":"A username that is an email address must be your own email address."}';
const PROCESSES = 5;

/** storm() answers process by process; put each answer back next to its request. */
function inRequestOrder<T>(count: number, results: T[]): T[] {
  const order = Array.from({ length: PROCESSES }, (_, p) => Array.from({ length: count }, (_, i) => i).filter((i) => i % PROCESSES === p)).flat();
  const byRequest: T[] = new Array(count);
  order.forEach((requestIndex, k) => (byRequest[requestIndex] = results[k]));
  return byRequest;
}

const register = (username: string, email: string): StormRequest => ({
  path: "/api/users/register/",
  body: { username, email, password: STRONG_PASSWORD },
});

describe("one identifier, one account, under concurrency", () => {
  it("N pairs racing for one address (username vs email): exactly one account per address, never a 500, the contract's sentences", async () => {
    const N = 10;
    const tag = uniq("race");
    const addresses = Array.from({ length: 2 * N }, (_, k) => `${tag}_${k}@example.com`);
    const requests: StormRequest[] = [];
    for (let k = 0; k < N; k++) {
      // Pair kind 1: a username that is someone else's address, against that address's owner.
      requests.push(register(addresses[k], `${tag}_other${k}@example.com`), register(`${tag}_b${k}`, addresses[k].toUpperCase()));
      // Pair kind 2: a username that is its own email, against the same address as an email.
      const own = addresses[N + k];
      requests.push(register(own, own), register(`${tag}_c${k}`, own.toUpperCase()));
    }
    const { results } = await storm(baseUrl(), requests, PROCESSES);
    const answers = inRequestOrder(requests.length, results).map((r) => `${r.status} ${r.body}`);

    for (let k = 0; k < N; k++) {
      const [squatter, owner, self, other] = answers.slice(4 * k, 4 * k + 4);
      // The email's owner always wins; the squatter is told the name is taken, or, when it
      // came first, that such a username must be one's own email.
      expect(owner).toBe(`201 ${CREATED}`);
      expect([`400 ${USERNAME_TAKEN}`, `400 ${NOT_OWN_EMAIL}`]).toContain(squatter);
      // Whoever wins the address, the loser hears the contract's sentence for its field:
      // the username's when its username (its own email) is taken.
      expect([
        [`201 ${CREATED}`, `400 ${EMAIL_TAKEN}`],
        [`400 ${USERNAME_TAKEN}`, `201 ${CREATED}`],
      ]).toContainEqual([self, other]);
    }

    const counts = await withPg(async (c) => {
      const { rows } = await c.query(
        `SELECT a AS address,
                (SELECT count(*)::int FROM "SignInIdentifier" WHERE lower(identifier COLLATE "und-x-icu") = lower(a COLLATE "und-x-icu")) AS identifiers,
                (SELECT count(*)::int FROM "User" WHERE lower(username COLLATE "und-x-icu") = lower(a COLLATE "und-x-icu")
                                                     OR lower(email COLLATE "und-x-icu") = lower(a COLLATE "und-x-icu")) AS accounts
         FROM unnest($1::text[]) AS a`,
        [addresses],
      );
      return rows;
    });
    for (const row of counts) expect(row, row.address).toMatchObject({ identifiers: 1, accounts: 1 });
  });
});
