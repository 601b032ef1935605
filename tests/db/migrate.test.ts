import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrate, MIGRATIONS_DIR, MigrationError, readMigrations } from "../../lib/db/migrate";
import { uniq, withPg } from "../support/helpers";

const schemas: string[] = [];
async function freshSchemaUrl(): Promise<string> {
  const schema = uniq("mig");
  schemas.push(schema);
  await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(inject("databaseUrl"));
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
afterAll(async () => {
  await withPg(async (c) => {
    for (const s of schemas) await c.query(`DROP SCHEMA "${s}" CASCADE`);
  });
});

describe("the migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await freshSchemaUrl();
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length, unknown: [] });
    const rows = await withPg((c) => c.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`), url);
    expect(rows.rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const [i, row] of rows.rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[i].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("is safe when several processes migrate at once (an advisory lock per migration's transaction)", async () => {
    const url = await freshSchemaUrl();
    const results = await Promise.all(Array.from({ length: 5 }, () => migrate(url)));
    // Each migration is applied by exactly one of them (which one may differ from one
    // migration to the next), and every one of them ends up seeing all of them applied.
    const total = readMigrations().length;
    expect(results.reduce((sum, r) => sum + r.applied.length, 0)).toBe(total);
    for (const r of results) expect(r.applied.length + r.alreadyApplied).toBe(total);
    expect(new Set(results.flatMap((r) => r.applied)).size).toBe(total);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const url = await freshSchemaUrl();
    const dir = mkdtempSync(path.join(os.tmpdir(), "migs-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(url, { dir });
    const [first] = readMigrations(dir);
    writeFileSync(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/checksum mismatch/);
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const url = await freshSchemaUrl();
    const dir = mkdtempSync(path.join(os.tmpdir(), "migs-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(url, { dir });
    const bad = path.join(dir, "29991231000000_broken");
    cpSync(path.join(dir, readMigrations(dir)[0].name), bad, { recursive: true });
    writeFileSync(path.join(bad, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT nonsense_function();`);
    await expect(migrate(url, { dir })).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    const half = await withPg((c) => c.query(`SELECT to_regclass('"Half"') AS t`), url);
    expect(half.rows[0].t).toBeNull();
    const recorded = await withPg((c) => c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name LIKE '2999%'`), url);
    expect(recorded.rowCount).toBe(0);
  });

  it("reports migrations the database has but this release lacks (after a rollback)", async () => {
    const url = await freshSchemaUrl();
    await migrate(url);
    await withPg(
      (c) =>
        c.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES (gen_random_uuid(), repeat('0', 64), '29990101000000_future', now(), 1)`,
        ),
      url,
    );
    const result = await migrate(url);
    expect(result.unknown).toEqual(["29990101000000_future"]);
  });
});
