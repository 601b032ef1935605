import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { DomainCall } from "./domain-client";

const run = promisify(execFile);

export type DomainResult =
  | { ok: true; value: unknown }
  | { ok: false; code: string; status: number; message: string };

/**
 * Runs domain calls from `processes` separate OS processes (each with its own
 * connection pool), all starting at the same instant. Results come back in call order.
 */
export async function domainStorm(databaseUrl: string, calls: DomainCall[], processes = 5): Promise<DomainResult[]> {
  const startAt = Date.now() + 2500; // time for every process to boot tsx and Prisma
  const indexes = Array.from({ length: processes }, (_, p) => calls.map((_, i) => i).filter((i) => i % processes === p));
  const outputs = await Promise.all(
    indexes.map((share) =>
      run(
        process.execPath,
        ["--import", "tsx", path.resolve("tests/support/domain-client.ts"), JSON.stringify({ databaseUrl, startAt, calls: share.map((i) => calls[i]) })],
        { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: "silent" } },
      ),
    ),
  );
  const results: DomainResult[] = new Array(calls.length);
  outputs.forEach((o, p) => {
    const parsed = JSON.parse(o.stdout) as DomainResult[];
    indexes[p].forEach((callIndex, k) => (results[callIndex] = parsed[k]));
  });
  return results;
}

/** "ok" or "<status> <message>" → how many. */
export function tally(results: DomainResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? "ok" : `${r.status} ${r.message}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
