import type pg from "pg";
import { API_TOKEN_PATTERN, apiTokenTtlDays, hashApiToken } from "../auth/credentials/api-tokens";
import type { Conflicts } from "./conflicts";
import { chunks, digestOf, saveDigests } from "./digests";
import type { LegacyToken, Progress, TableCounts } from "./types";

// DRF's tokens (40 hex characters, stored in clear there) become per-device API tokens of
// their users here, stored as SHA-256 like ours, so mobile clients stay signed in across
// the cut-over. DRF tokens never expired; ours do, counted from the import.
// Only these four columns are named: the token table may grow (device names, last use)
// with defaults. Keyed on the hash, which is unique and stays so.

export async function writeTokens(
  c: pg.ClientBase,
  tokens: LegacyToken[],
  importedUserIds: Set<number>,
  opts: { dryRun: boolean; batchSize: number; progress?: Progress },
  counts: TableCounts,
  conflicts: Conflicts,
): Promise<void> {
  const days = apiTokenTtlDays();
  const wanted: { hash: string; userId: number; created: Date }[] = [];
  for (const t of tokens) {
    if (!API_TOKEN_PATTERN.test(t.key)) {
      conflicts.add("invalid_token_key", [t.user_id], "not imported: the key is not 40 lower-case hex characters");
      counts.skipped++;
    } else if (!importedUserIds.has(t.user_id)) {
      conflicts.add("token_without_user", [t.user_id], "not imported: its user is not in the import");
      counts.skipped++;
    } else wanted.push({ hash: hashApiToken(t.key), userId: t.user_id, created: t.created });
  }

  const { rows: known } = await c.query<{ legacyId: string }>(`SELECT "legacyId" FROM "DjangoImportRow" WHERE "entity" = 'token'`);
  const imported = new Set(known.map((r) => r.legacyId));
  const fresh = wanted.filter((w) => !imported.has(w.hash));
  counts.unchanged += wanted.length - fresh.length;

  let done = 0;
  for (const slice of chunks(fresh, opts.batchSize)) {
    if (opts.dryRun) counts.imported += slice.length;
    else {
      await c.query("BEGIN");
      try {
        // ON CONFLICT without a target: any unique index (the key hash; today also one token
        // per user) makes a row be left out, never an error; the left-out ones are reported.
        const { rows } = await c.query<{ keyHash: string }>(
          `INSERT INTO "ApiToken" ("userId", "keyHash", "createdAt", "expiresAt")
           SELECT v.uid, v.hash, v.created, GREATEST(v.created, now()) + make_interval(days => $4::int)
           FROM unnest($1::int[], $2::text[], $3::timestamptz[]) AS v(uid, hash, created)
           ON CONFLICT DO NOTHING
           RETURNING "keyHash"`,
          [slice.map((s) => s.userId), slice.map((s) => s.hash), slice.map((s) => s.created), days],
        );
        const inserted = new Set(rows.map((r) => r.keyHash));
        await saveDigests(c, "token", rows.map((r) => [r.keyHash, digestOf(r.keyHash)]));
        await c.query("COMMIT");
        counts.imported += inserted.size;
        for (const s of slice.filter((s) => !inserted.has(s.hash))) {
          conflicts.add("token_not_imported", [s.userId], "not imported: the user already has a token here (one per user until per-device tokens)");
          counts.skipped++;
        }
      } catch (err) {
        await c.query("ROLLBACK").catch(() => {});
        throw err;
      }
    }
    done += slice.length;
    opts.progress?.("tokens", done, fresh.length);
  }

  // A token deleted in the old system (its user signed out there) was revoked: so here too.
  const current = new Set(wanted.map((w) => w.hash));
  const revoked = [...imported].filter((h) => !current.has(h));
  if (revoked.length > 0) {
    if (!opts.dryRun) {
      await c.query("BEGIN");
      await c.query(`DELETE FROM "ApiToken" WHERE "keyHash" = ANY($1::text[])`, [revoked]);
      await c.query(`DELETE FROM "DjangoImportRow" WHERE "entity" = 'token' AND "legacyId" = ANY($1::text[])`, [revoked]);
      await c.query("COMMIT");
    }
    counts.updated += revoked.length;
    conflicts.add("token_revoked_in_old_system", [], `${revoked.length} imported token(s) no longer exist in the old system: deleted here too`);
  }
}
