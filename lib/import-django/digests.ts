import { createHash } from "node:crypto";
import type pg from "pg";

// "DjangoImportRow" remembers, per old row, a SHA-256 of what the import last wrote. A
// re-run compares: the same digest means the old row did not change, and nothing is
// written, so what happened here since (a rehash at sign-in, an edited profile, an
// accepted invitation) is never undone.

export function digestOf(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v)))
    .digest("hex");
}

export async function loadDigests(c: pg.ClientBase, entity: string, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await c.query<{ legacyId: string; digest: string }>(
    `SELECT "legacyId", "digest" FROM "DjangoImportRow" WHERE "entity" = $1 AND "legacyId" = ANY($2::text[])`,
    [entity, ids],
  );
  return new Map(rows.map((r) => [r.legacyId, r.digest]));
}

export async function saveDigests(c: pg.ClientBase, entity: string, entries: [string, string][]): Promise<void> {
  if (entries.length === 0) return;
  await c.query(
    `INSERT INTO "DjangoImportRow" ("entity", "legacyId", "digest")
     SELECT $1, v.id, v.digest FROM unnest($2::text[], $3::text[]) AS v(id, digest)
     ON CONFLICT ("entity", "legacyId") DO UPDATE SET "digest" = EXCLUDED."digest", "importedAt" = now()`,
    [entity, entries.map((e) => e[0]), entries.map((e) => e[1])],
  );
}

/** Ids among `ids` that already exist in `table` (whose name is ours, never input). */
export async function existingIds(c: pg.ClientBase, table: string, ids: number[]): Promise<Set<number>> {
  const { rows } = await c.query<{ id: number }>(`SELECT "id" FROM "${table}" WHERE "id" = ANY($1::int[])`, [ids]);
  return new Set(rows.map((r) => r.id));
}

/** Splits a list into slices of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An integrity refusal by the database (unique, check, foreign key, not null, exclusion, trigger). */
export function isIntegrityError(err: unknown): err is { code: string; constraint?: string } {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("23");
}

/**
 * Runs `write(items)` in one transaction; when the database refuses one of them (a
 * constraint the repairs did not foresee, e.g. a row written here since the last run),
 * retries them one at a time so that only the refused ones are left out, each reported
 * through `refused`. Other errors are faults and propagate.
 */
export async function writeInTransactions<T>(
  c: pg.ClientBase,
  items: T[],
  write: (batch: T[]) => Promise<void>,
  refused: (item: T, err: { code: string; constraint?: string }) => void,
): Promise<T[]> {
  try {
    await c.query("BEGIN");
    await write(items);
    await c.query("COMMIT");
    return items;
  } catch (err) {
    await c.query("ROLLBACK").catch(() => {});
    if (!isIntegrityError(err)) throw err;
    if (items.length === 1) {
      refused(items[0], err);
      return [];
    }
    const done: T[] = [];
    for (const item of items) done.push(...(await writeInTransactions(c, [item], write, refused)));
    return done;
  }
}
