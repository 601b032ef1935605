import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { uniq, withPg } from "./helpers";

// The Django-written fixture (../shared/fixtures/django-legacy, see its README): the old
// database as a pg_dump, and key.json, the truth about it.

// A copy of ../shared/fixtures/django-legacy, so that the suite runs wherever the repository is checked out.
export const FIXTURE_DIR = path.resolve(process.env.DJANGO_FIXTURE_DIR ?? "tests/fixtures/django-legacy");

export interface KeyUser {
  id: number;
  username: string;
  email: string;
  password: string | null;
  hash_prefix: string;
  profile: boolean;
  note: string;
}
export interface Key {
  users: KeyUser[];
  invitations: { id: number; token: string; status: string; invitee_email: string; inviter: string }[];
  tokens: { username: string; key: string }[];
}

export function fixtureKey(): Key {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, "key.json"), "utf8")) as Key;
}

/** auth_user's (id, password) rows, read straight from the dump's COPY block. */
export function fixtureHashes(): Map<number, string> {
  const sql = readFileSync(path.join(FIXTURE_DIR, "legacy.sql"), "utf8");
  const block = sql.split("COPY public.auth_user ")[1].split("\n\\.\n")[0].split("\n").slice(1);
  return new Map(block.map((line) => [Number(line.split("\t")[0]), line.split("\t")[1]]));
}

/** A new database on the test server at `serverUrl` (same credentials); its URL. */
export async function createDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = uniq(prefix);
  await withPg((c) => c.query(`CREATE DATABASE "${name}"`), serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A throw-away database holding the fixture, loaded with psql (the dump's COPY blocks need it). */
export async function loadFixtureDatabase(serverUrl: string): Promise<string> {
  const probe = spawnSync("psql", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) throw new Error("psql is needed to load the Django fixture (apt-get install postgresql-client).");
  const url = await createDatabase(serverUrl, "legacy");
  const load = spawnSync("psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-f", path.join(FIXTURE_DIR, "legacy.sql")], { encoding: "utf8" });
  if (load.status !== 0) throw new Error(`loading the Django fixture failed: ${load.stderr}`);
  return url;
}
