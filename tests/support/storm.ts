import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface StormRequest {
  path: string;
  /** POST unless given. */
  method?: string;
  /** Sent as multipart/form-data instead of `body`: text, or a file as base64 with its name and type. */
  multipart?: Record<string, string | { base64: string; name: string; type: string }>;
  /** Another server than the storm's (e.g. the second of two processes sharing a limit). */
  baseUrl?: string;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Sends `requests` from `processes` separate OS processes, all starting at the same
 * instant, and returns every response. Concurrency claims rest on this, not on one
 * process's Promise.all.
 */
export async function storm(baseUrl: string, requests: StormRequest[], processes = 5) {
  const startAt = Date.now() + 1500; // time for every process to boot
  const shares = Array.from({ length: processes }, (_, p) => requests.filter((_, i) => i % processes === p));
  const outputs = await Promise.all(
    shares.map((share) =>
      run(process.execPath, [path.resolve("tests/support/storm-client.mjs"), JSON.stringify({ baseUrl, startAt, requests: share })], {
        maxBuffer: 16 * 1024 * 1024,
      }),
    ),
  );
  const results = outputs.flatMap((o) => JSON.parse(o.stdout) as { status: number; body: string; retryAfter?: string }[]);
  return { results, pids: outputs.length };
}

export function countBy(results: { status: number; body: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = `${r.status} ${r.body}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
