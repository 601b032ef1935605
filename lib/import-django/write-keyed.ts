import type pg from "pg";
import type { Conflicts } from "./conflicts";
import { chunks, digestOf, existingIds, loadDigests, saveDigests, writeInTransactions } from "./digests";
import type { Progress, TableCounts, TableName } from "./types";

// Rows that keep their old id (applications, invitations): new ones inserted, ones whose
// old row changed since the last run updated, the rest left alone; `batchSize` per
// transaction.

export interface KeyedTable<T extends { id: number }> {
  entity: string;
  table: string;
  report: TableName;
  insert: (c: pg.ClientBase, rows: T[]) => Promise<void>;
  update: (c: pg.ClientBase, rows: T[]) => Promise<void>;
}

export async function writeKeyed<T extends { id: number }>(
  c: pg.ClientBase,
  spec: KeyedTable<T>,
  rows: T[],
  opts: { dryRun: boolean; batchSize: number; progress?: Progress },
  counts: TableCounts,
  conflicts: Conflicts,
): Promise<void> {
  let done = 0;
  for (const slice of chunks(rows, opts.batchSize)) {
    const digests = await loadDigests(c, spec.entity, slice.map((r) => String(r.id)));
    const present = await existingIds(c, spec.table, slice.map((r) => r.id));
    const planned: { row: T; kind: "new" | "update"; digest: string }[] = [];
    for (const row of slice) {
      const digest = digestOf(row);
      const before = digests.get(String(row.id));
      if (before === undefined && present.has(row.id)) {
        conflicts.add(`${spec.entity}_id_taken`, [row.id], "not imported: a row that did not come from the old system has this id here");
        counts.skipped++;
      } else if (before === undefined) planned.push({ row, kind: "new", digest });
      else if (before !== digest) planned.push({ row, kind: "update", digest });
      else counts.unchanged++;
    }
    const write = async (batch: typeof planned) => {
      // Updates first: an old row closed in the old system frees the slot a new one takes.
      await spec.update(c, batch.filter((p) => p.kind === "update").map((p) => p.row));
      await spec.insert(c, batch.filter((p) => p.kind === "new").map((p) => p.row));
      await saveDigests(c, spec.entity, batch.map((p) => [String(p.row.id), p.digest]));
    };
    const written = opts.dryRun
      ? planned
      : await writeInTransactions(c, planned, write, (p, err) => {
          conflicts.add("refused_by_database", [p.row.id], `${spec.entity} not ${p.kind === "new" ? "imported" : "updated"}: the database refused it (${err.constraint ?? err.code})`);
          counts.skipped++;
        });
    for (const p of written) {
      if (p.kind === "new") counts.imported++;
      else counts.updated++;
    }
    done += slice.length;
    opts.progress?.(spec.report, done, rows.length);
  }
}
