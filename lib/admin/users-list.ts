import { legacyActor, type UseCaseContext } from "../use-case/context";
import { requireStaffFlag } from "../actor";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import { parseInput } from "../validation/parse";
import { DEFAULT_PAGE_SIZE } from "../validation/pagination";
import { listUsersSchema, type ListUsersQuery, type UserSort } from "./users-list-schema";

// Staff: find members. Search by part of the username, email or display name (ILIKE, any
// letter case; trigram indexes, and short_grams ones for 1–2 characters, keep it fast), filters, and keyset pagination: a page is
// "the N rows after (or before) this row" in the sort order, so page 500 costs what page
// 1 costs. Never selects a password hash.

export interface UserRow {
  id: number;
  username: string;
  email: string;
  isStaff: boolean;
  isSuperuser: boolean;
  isActive: boolean;
  dateJoined: Date;
  lastLogin: Date | null;
  emailVerifiedAt: Date | null;
  role: string | null;
  displayName: string | null;
  activeGuide: boolean | null;
  canInviteTeachers: boolean | null;
}

export interface UserPage {
  items: UserRow[];
  /** How many match, up to a cap (`totalCapped`: more than `total`; a common search's cap is its id cap, 2,000). */
  total: number;
  totalCapped: boolean;
  /** Position for the next page's `after`, when there is one. */
  next: string | null;
  /** Position for the previous page's `before`, when there is one. */
  previous: string | null;
  query: ListUsersQuery;
}

type Key = [value: string | null, id: number];
type RawRow = UserRow & { sortKey: string | null };

const BAD_POSITION = () => new DomainError("invalid", "The page position is not valid.", 400);
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(value: string): Key {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw BAD_POSITION();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !(parsed[0] === null || (typeof parsed[0] === "string" && PG_TIMESTAMP.test(parsed[0]))) ||
    !Number.isSafeInteger(parsed[1]) ||
    parsed[1] < 1 ||
    parsed[1] > 2_147_483_647
  ) {
    throw BAD_POSITION();
  }
  return parsed as Key;
}

/** `%part%` for ILIKE, with the pattern characters in the search text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const bool = (v: "yes" | "no" | undefined) => (v === undefined ? undefined : v === "yes");

/** Beyond this many matches the list says "more than …" instead of counting them all. */
export const COUNT_CAP = 1_000;
/** Searches matching at most this many members are answered from the trigram indexes. */
const SEARCH_ID_CAP = 2_000;

/** Searches of at most this many characters (code points) use the short_grams indexes. */
const SHORT_SEARCH = 2;

/**
 * Ids of members whose username, email or display name contain the search text, up to
 * `limit` rows (a member may come up to three times).
 *  - 3 characters or more: the trigram indexes answer the ILIKE.
 *  - 1 or 2 characters: no trigram exists, so the short_grams indexes (migration
 *    20261202000100_admin_short_search: every 1- and 2-character substring of lower(value))
 *    find them; `lower(x) LIKE lower(pattern)` is how PostgreSQL evaluates ILIKE in a UTF-8
 *    database, written so because an ILIKE here lets the planner AND in the trigram index,
 *    which matches every row for so short a pattern and makes every row's short_grams be
 *    recomputed. The planner is kept off a table scan: it would compute short_grams for
 *    each row it reads (a letter in most rows reads about as many rows as it returns),
 *    while the index answers even "e" in milliseconds; and off parallel workers, whose
 *    start costs more than this few-thousand-row probe.
 */
async function matchingIds(db: Db, text: string, pattern: string, limit: number): Promise<{ id: number }[]> {
  if ([...text].length > SHORT_SEARCH) {
    // UNION ALL streams (UNION would read every match first); duplicates are dropped by the caller.
    return db.$queryRaw<{ id: number }[]>`
      SELECT "id" FROM "User" WHERE "username" ILIKE ${pattern}
      UNION ALL SELECT "id" FROM "User" WHERE "email" ILIKE ${pattern}
      UNION ALL SELECT "userId" FROM "Profile" WHERE "displayName" ILIKE ${pattern}
      LIMIT ${limit}`;
  }
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    db.$queryRaw<{ id: number }[]>`
      SELECT "id" FROM "User" WHERE short_grams("username") @> ARRAY[lower(${text})]::text[] AND lower("username") LIKE lower(${pattern})
      UNION ALL SELECT "id" FROM "User" WHERE short_grams("email") @> ARRAY[lower(${text})]::text[] AND lower("email") LIKE lower(${pattern})
      UNION ALL SELECT "userId" FROM "Profile" WHERE short_grams("displayName") @> ARRAY[lower(${text})]::text[] AND lower("displayName") LIKE lower(${pattern})
      LIMIT ${limit}`,
  ]);
  return rows;
}

/**
 * The search text as SQL. Two plans, chosen by how many members match (found with the
 * trigram or short_grams indexes, stopping at SEARCH_ID_CAP + 1):
 *  - a few (a person's email, a rare name): exactly those ids;
 *  - many (a common first name): the three ILIKEs as a filter, so the page walks the sort
 *    order's index and stops after one page's worth of matches.
 */
async function searchClause(db: Db, text: string, idCap: number): Promise<{ sql: Prisma.Sql; many: boolean }> {
  const pattern = containsPattern(text);
  // Up to three rows per member, so 3 × cap + 1 rows decide "more than cap members".
  const rows = await matchingIds(db, text, pattern, 3 * idCap + 1);
  const ids = [...new Set(rows.map((r) => r.id))];
  if (ids.length <= idCap && rows.length <= 3 * idCap) return { sql: Prisma.sql`u."id" = ANY(${ids}::int[])`, many: false };
  return { sql: Prisma.sql`(u."username" ILIKE ${pattern} OR u."email" ILIKE ${pattern} OR p."displayName" ILIKE ${pattern})`, many: true };
}

/** Tests force the "many matches" plan with searchIdCap: 0; both plans answer the same. */
export interface SearchOptions {
  searchIdCap?: number;
}

/** The WHERE clause of the filters (not the page position). */
export async function userFilters(db: Db, q: ListUsersQuery, opts: SearchOptions = {}): Promise<Prisma.Sql> {
  return (await filtersOf(db, q, opts)).sql;
}

/** The filters, and whether the search alone is known to match more than `searchIdCap` members. */
async function filtersOf(db: Db, q: ListUsersQuery, opts: SearchOptions): Promise<{ sql: Prisma.Sql; searchMatchesMany: boolean; othersGiven: boolean }> {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  let searchMatchesMany = false;
  if (q.q) {
    const search = await searchClause(db, q.q, opts.searchIdCap ?? SEARCH_ID_CAP);
    parts.push(search.sql);
    searchMatchesMany = search.many;
  }
  const flag = (value: boolean | undefined, column: Prisma.Sql) => {
    if (value !== undefined) parts.push(value ? Prisma.sql`${column} IS TRUE` : Prisma.sql`${column} IS NOT TRUE`);
  };
  flag(bool(q.staff), Prisma.sql`u."isStaff"`);
  flag(bool(q.active), Prisma.sql`u."isActive"`);
  flag(bool(q.guide), Prisma.sql`p."activeGuide"`);
  flag(bool(q.invite), Prisma.sql`p."canInviteTeachers"`);
  const verified = bool(q.verified);
  if (verified !== undefined) parts.push(verified ? Prisma.sql`u."emailVerifiedAt" IS NOT NULL` : Prisma.sql`u."emailVerifiedAt" IS NULL`);
  if (q.role) parts.push(Prisma.sql`p."role" = ${q.role}::"Role"`);
  // Days are UTC days; "to" includes its whole day.
  if (q.joinedFrom) parts.push(Prisma.sql`u."dateJoined" >= ${q.joinedFrom}::date::timestamp AT TIME ZONE 'UTC'`);
  if (q.joinedTo) parts.push(Prisma.sql`u."dateJoined" < (${q.joinedTo}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return { sql: Prisma.join(parts, " AND "), searchMatchesMany, othersGiven: parts.length > (q.q ? 2 : 1) };
}

interface Order {
  column: Prisma.Sql;
  forward: Prisma.Sql;
  backward: Prisma.Sql;
  /** Rows strictly after `key` in the forward order. */
  after(key: Key): Prisma.Sql;
  /** Rows strictly before `key` in the forward order. */
  before(key: Key): Prisma.Sql;
}

function orderFor(sort: UserSort): Order {
  if (sort === "last_login") {
    const l = Prisma.sql`u."lastLogin"`;
    return {
      column: l,
      forward: Prisma.sql`u."lastLogin" DESC NULLS LAST, u."id" DESC`,
      backward: Prisma.sql`u."lastLogin" ASC NULLS FIRST, u."id" ASC`,
      after: ([v, id]) =>
        v === null
          ? Prisma.sql`(${l} IS NULL AND u."id" < ${id})`
          : Prisma.sql`(${l} < ${v}::timestamptz OR (${l} = ${v}::timestamptz AND u."id" < ${id}) OR ${l} IS NULL)`,
      before: ([v, id]) =>
        v === null
          ? Prisma.sql`(${l} IS NOT NULL OR u."id" > ${id})`
          : Prisma.sql`(${l} > ${v}::timestamptz OR (${l} = ${v}::timestamptz AND u."id" > ${id}))`,
    };
  }
  const desc = sort === "joined";
  const d = Prisma.sql`u."dateJoined"`;
  const lt = (v: string, id: number) => Prisma.sql`(${d}, u."id") < (${v}::timestamptz, ${id})`;
  const gt = (v: string, id: number) => Prisma.sql`(${d}, u."id") > (${v}::timestamptz, ${id})`;
  const asc = Prisma.sql`u."dateJoined" ASC, u."id" ASC`;
  const dsc = Prisma.sql`u."dateJoined" DESC, u."id" DESC`;
  const joinedKey = (v: string | null): string => {
    if (v === null) throw BAD_POSITION();
    return v;
  };
  return {
    column: d,
    forward: desc ? dsc : asc,
    backward: desc ? asc : dsc,
    after: ([v, id]) => (desc ? lt(joinedKey(v), id) : gt(joinedKey(v), id)),
    before: ([v, id]) => (desc ? gt(joinedKey(v), id) : lt(joinedKey(v), id)),
  };
}

async function selectRows(db: Db, where: Prisma.Sql, order: Prisma.Sql, sortColumn: Prisma.Sql, limit: number): Promise<RawRow[]> {
  // The sort value travels as PostgreSQL's own text (microseconds kept) in the position.
  return db.$queryRaw<RawRow[]>`
    SELECT u."id", u."username", u."email", u."isStaff", u."isSuperuser", u."isActive", u."dateJoined", u."lastLogin",
           u."emailVerifiedAt", p."role"::text AS "role", p."displayName", p."activeGuide", p."canInviteTeachers",
           (${sortColumn} AT TIME ZONE 'UTC')::text || '+00' AS "sortKey"
    FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u."id"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

const keyOf = (r: RawRow): Key => [r.sortKey, r.id];
const strip = ({ sortKey: _sortKey, ...row }: RawRow): UserRow => row;

/** Staff: one page of members matching the query (see listUsersSchema). */
export async function listUsers(input: unknown, ctx: UseCaseContext, opts: SearchOptions = {}): Promise<UserPage> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const q = parseInput(listUsersSchema, input ?? {});
  const size = q.pageSize ?? DEFAULT_PAGE_SIZE;
  const order = orderFor(q.sort);
  const { sql: filters, searchMatchesMany, othersGiven } = await filtersOf(db, q, opts);
  const backwards = q.before !== undefined;
  // A search known to match more than the id cap, with nothing else narrowing it: say so
  // rather than scan the table to count. Otherwise count, up to COUNT_CAP.
  const idCap = opts.searchIdCap ?? SEARCH_ID_CAP;
  const countCap = searchMatchesMany ? (othersGiven ? idCap : 0) : COUNT_CAP;
  const position = q.after ? order.after(decodeCursor(q.after)) : q.before ? order.before(decodeCursor(q.before)) : Prisma.sql`TRUE`;
  const [rows, counted] = await Promise.all([
    selectRows(db, Prisma.sql`${filters} AND ${position}`, backwards ? order.backward : order.forward, order.column, size + 1),
    countCap === 0
      ? Promise.resolve([{ n: idCap + 1 }])
      : db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u."id" WHERE ${filters} LIMIT ${countCap + 1}) capped`,
  ]);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const firstRow = page[0];
  const lastRow = page[page.length - 1];
  // Going forward: a next page when more rows came back; a previous one when we started after a row.
  // Going back: the mirror image.
  const next = lastRow && (backwards ? true : more) ? encodeCursor(keyOf(lastRow)) : null;
  const previous = firstRow && (backwards ? more : q.after !== undefined) ? encodeCursor(keyOf(firstRow)) : null;
  const total = counted[0]?.n ?? 0;
  const cap = countCap === 0 ? idCap : countCap;
  return { items: page.map(strip), total: Math.min(total, cap), totalCapped: total > cap, next, previous, query: q };
}

/**
 * Staff: every member matching the query, in the sort order, in batches (the CSV export
 * streams these). Keyset batches: no long-running transaction and no OFFSET.
 */
export async function* eachMatchingUser(input: unknown, ctx: UseCaseContext, batch = 1000, opts: SearchOptions = {}): AsyncGenerator<UserRow[]> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const q = parseInput(listUsersSchema, input ?? {});
  const order = orderFor(q.sort);
  const filters = await userFilters(db, q, opts);
  let key: Key | undefined;
  for (;;) {
    const position = key ? order.after(key) : Prisma.sql`TRUE`;
    const rows = await selectRows(db, Prisma.sql`${filters} AND ${position}`, order.forward, order.column, batch);
    if (rows.length === 0) return;
    yield rows.map(strip);
    if (rows.length < batch) return;
    key = keyOf(rows[rows.length - 1]);
  }
}

/** Parses the query alone (the export route refuses a bad one before it starts streaming). */
export function parseUserQuery(input: unknown): ListUsersQuery {
  return parseInput(listUsersSchema, input ?? {});
}
