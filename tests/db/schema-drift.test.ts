import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { uniq, withPg } from "../support/helpers";
import { inject } from "vitest";

// Nothing generates the SQL from schema.prisma, so this test is what keeps them in
// step: it migrates an empty schema and compares every table, column, type,
// nullability, default, unique index, foreign key and enum with Prisma's data model.

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  uniqueFields: string[][];
  primaryKey: { fields: string[] } | null;
}

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })),
).datamodel as { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[] };

// Indexes the schema language cannot express; each is documented in schema.prisma.
const SQL_ONLY_INDEXES = new Set([
  "User_username_ci_key",
  "User_email_ci_key",
  "GuideApplication_one_open_per_user",
  "TeacherInvitation_one_pending_per_email",
  "TeacherInvitation_inviteeEmail_ci_idx",
  "Outbox_due_idx",
  "SignInIdentifier_identifier_ci_key",
  "OneTimeLink_one_unused_per_purpose",
  "User_username_grams_idx",
  "User_email_grams_idx",
  "Profile_displayName_grams_idx",
  "EmailChange_one_pending",
]);

const schema = uniq("drift");
let url: string;

function expectedType(f: DmmfField): string {
  if (f.isList) return `array:${expectedType({ ...f, isList: false })}`;
  if (f.kind === "enum") return `enum:${f.type}`;
  const [native, args] = f.nativeType ?? [null, []];
  switch (f.type) {
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Float":
      return "double precision";
    case "String":
      if (native === "VarChar") return `character varying(${args[0]})`;
      if (native === "Char") return `character(${args[0]})`;
      return "text";
    case "DateTime":
      if (native === "Timestamptz") return `timestamp with time zone(${args[0] ?? 3})`;
      if (native === "Date") return "date";
      return `timestamp without time zone(${args[0] ?? 3})`;
    case "Json":
      return "jsonb";
    case "Bytes":
      return "bytea";
    default:
      return `unmapped:${f.type}`;
  }
}

function expectedDefault(f: DmmfField): string | null {
  if (!f.hasDefaultValue) return null;
  const d = f.default as { name?: string } | string | boolean | number;
  if (typeof d === "object" && d?.name === "autoincrement") return "autoincrement";
  if (typeof d === "object" && d?.name === "now") return "now";
  if (f.kind === "enum") return `'${d}'::"${f.type}"`;
  if (f.isList && Array.isArray(d)) return `{${d.join(",")}}`;
  return String(d);
}

// PostgreSQL spells the element types of arrays by their internal names.
const ARRAY_ELEMENT: Record<string, string> = { _int4: "integer", _text: "text", _bool: "boolean" };

function actualDefault(column: { column_default: string | null }): string | null {
  // Types outside the search_path of the reading connection come schema-qualified.
  const d = column.column_default?.replace(`${schema}.`, "") ?? null;
  if (d === null) return null;
  if (d.startsWith("nextval(")) return "autoincrement";
  if (d === "CURRENT_TIMESTAMP" || d === "now()") return "now";
  // A literal cast to the column's own type ('[]'::jsonb, '{}'::integer[]) is the literal.
  const literal = /^'(.*)'::(jsonb|character varying|text|integer\[\]|text\[\]|boolean\[\])$/.exec(d);
  if (literal) return literal[1];
  return d;
}

beforeAll(async () => {
  const base = new URL(inject("databaseUrl"));
  await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
  base.searchParams.set("options", `-c search_path=${schema}`);
  url = base.toString();
  await migrate(url);
});

afterAll(async () => {
  await withPg((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
});

describe("schema.prisma and the SQL migrations agree", () => {
  it("has the same tables", async () => {
    const { rows } = await withPg((c) =>
      c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`, [schema]),
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.models.map((m) => m.dbName ?? m.name).sort());
  });

  it("has the same enums and values", async () => {
    const { rows } = await withPg((c) =>
      c.query(
        `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = $1 GROUP BY t.typname`,
        [schema],
      ),
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  for (const model of dmmf.models) {
    const table = model.dbName ?? model.name;

    it(`${table}: columns, types, nullability and defaults`, async () => {
      const { rows } = await withPg((c) =>
        c.query(
          `SELECT column_name, data_type, udt_name, character_maximum_length, datetime_precision, is_nullable, column_default
           FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
          [schema, table],
        ),
      );
      const actual = Object.fromEntries(
        rows.map((r) => {
          let type = r.data_type as string;
          if (type === "USER-DEFINED") type = `enum:${r.udt_name}`;
          else if (type === "ARRAY") type = `array:${ARRAY_ELEMENT[r.udt_name] ?? r.udt_name}`;
          else if (type === "character varying") type = `character varying(${r.character_maximum_length})`;
          else if (type.startsWith("timestamp")) type = `${type}(${r.datetime_precision})`;
          return [r.column_name, { type, nullable: r.is_nullable === "YES", default: actualDefault(r) }];
        }),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((f) => f.kind !== "object")
          .map((f) => [f.name, { type: expectedType(f), nullable: !f.isRequired, default: expectedDefault(f) }]),
      );
      expect(actual).toEqual(expected);
    });

    it(`${table}: primary key, unique indexes and foreign keys`, async () => {
      const indexes = await withPg((c) =>
        c.query(
          `SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique,
                  ix.indexprs IS NOT NULL AS expression, ix.indpred IS NOT NULL AS partial,
                  array_agg(a.attname::text ORDER BY k.ord) FILTER (WHERE a.attname IS NOT NULL) AS columns
           FROM pg_index ix
           JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
           JOIN pg_class i ON i.oid = ix.indexrelid
           CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
           WHERE n.nspname = $1 AND t.relname = $2
           GROUP BY i.relname, ix.indisprimary, ix.indisunique, ix.indexprs, ix.indpred`,
          [schema, table],
        ),
      );
      const pk = indexes.rows.find((r) => r.primary);
      const expectedPk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
      expect(pk?.columns).toEqual(expectedPk);

      const plainUnique = indexes.rows
        .filter((r) => r.unique && !r.primary && !r.expression && !r.partial)
        .map((r) => (r.columns as string[]).join(","))
        .sort();
      const expectedUnique = [
        ...model.fields.filter((f) => f.isUnique).map((f) => f.name),
        ...model.uniqueFields.map((u) => u.join(",")),
      ].sort();
      expect(plainUnique).toEqual(expectedUnique);

      const sqlOnly = indexes.rows.filter((r) => r.expression || r.partial).map((r) => r.name);
      for (const name of sqlOnly) expect(SQL_ONLY_INDEXES, `undocumented SQL-only index ${name}`).toContain(name);

      const fks = await withPg((c) =>
        c.query(
          `SELECT con.conname, array_agg(a.attname::text) AS columns, con.confdeltype
           FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (con.conkey)
           WHERE con.contype = 'f' AND n.nspname = $1 AND t.relname = $2 GROUP BY con.conname, con.confdeltype`,
          [schema, table],
        ),
      );
      const onDelete: Record<string, string> = { c: "Cascade", r: "Restrict", n: "SetNull", a: "NoAction", d: "SetDefault" };
      const actualFks = fks.rows.map((r) => `${(r.columns as string[]).join(",")}:${onDelete[r.confdeltype]}`).sort();
      const expectedFks = model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => `${f.relationFromFields!.join(",")}:${f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")}`)
        .sort();
      expect(actualFks).toEqual(expectedFks);
    });
  }
});
