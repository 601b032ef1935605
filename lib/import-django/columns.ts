import { DomainError } from "../errors";

// What the import reads from the old Django database, per table, and how each value is
// made the same JS value whichever server held it: PostgreSQL hands back booleans, Dates
// and parsed JSON; MySQL/MariaDB hand back tinyint(1) numbers, naive datetime strings,
// zero dates and JSON as text. Both readers (read-postgres.ts, read-mysql.ts) select from
// this one list and pass each value through `normalise`, so the repairs, writers and
// re-run digests never see which server the rows came from.

export type Kind = "int" | "float" | "text" | "bool" | "time" | "json" | "uuid";

export interface TableSpec {
  /** Columns the import cannot do without: a database lacking one is refused. */
  required: Record<string, Kind>;
  /** Columns of later versions of the live app: read when present, NULL otherwise. */
  optional: Record<string, Kind>;
  /** A table the import can do without (read as empty when absent). */
  optionalTable?: boolean;
}

const profileOptional: Record<string, Kind> = {
  locale: "text",
  email_notifications: "bool",
  mail_magazine_enabled: "bool",
  profile_image: "text",
  teacher_tagline: "text",
  teacher_about: "text",
  teaching_specialties: "text",
  intro_video_url: "text",
  linkedin_url: "text",
  twitter_url: "text",
  website_url: "text",
  youtube_url: "text",
  showcase_image_1: "text",
  showcase_image_2: "text",
  showcase_image_3: "text",
  showcase_image_1_caption: "text",
  showcase_image_2_caption: "text",
  showcase_image_3_caption: "text",
  growth_score: "int",
  impact_score: "int",
  overall_ability_score: "float",
  ability_rank: "int",
  last_ability_update: "time",
};

export const TABLES: Record<string, TableSpec> = {
  auth_user: {
    required: {
      id: "int", password: "text", last_login: "time", is_superuser: "bool", username: "text",
      email: "text", is_staff: "bool", is_active: "bool", date_joined: "time",
    },
    optional: { first_name: "text", last_name: "text" },
  },
  users_profile: {
    required: {
      id: "int", user_id: "int", role: "text", bio: "text", active_guide: "bool", can_invite_teachers: "bool",
      display_name: "text", created_at: "time", updated_at: "time",
    },
    optional: profileOptional,
  },
  users_userpreference: {
    required: { id: "int", user_id: "int" },
    optional: { languages_spoken: "json", location: "text", bio: "text", native_language: "text", report_language: "text", updated_at: "time" },
    optionalTable: true,
  },
  users_guideapplicationrequest: {
    required: {
      id: "int", user_id: "int", motivation: "text", experience: "text", subjects_to_teach: "text", status: "text",
      reviewed_at: "time", admin_notes: "text", created_at: "time", updated_at: "time", referred_by_id: "int", reviewed_by_id: "int",
    },
    optional: {},
  },
  users_teacherinvitation: {
    required: {
      id: "int", invitee_email: "text", token: "uuid", personal_message: "text", status: "text", created_at: "time",
      accepted_at: "time", expires_at: "time", invitee_id: "int", inviter_id: "int",
    },
    optional: {},
  },
  authtoken_token: { required: { key: "text", created: "time", user_id: "int" }, optional: {} },
  // Many-to-many tables pointing at other Django apps' rows (tags, subjects): only the ids
  // are carried over. Absent from older databases (and from the fixtures).
  users_profile_showcase_image_1_tags: { required: { profile_id: "int", tag_id: "int" }, optional: {}, optionalTable: true },
  users_profile_showcase_image_2_tags: { required: { profile_id: "int", tag_id: "int" }, optional: {}, optionalTable: true },
  users_profile_showcase_image_3_tags: { required: { profile_id: "int", tag_id: "int" }, optional: {}, optionalTable: true },
  users_userpreference_interested_subjects: { required: { userpreference_id: "int", subject_id: "int" }, optional: {}, optionalTable: true },
  users_userpreference_interested_tags: { required: { userpreference_id: "int", tag_id: "int" }, optional: {}, optionalTable: true },
};

/** The order rows are read in (stable, so a re-run computes the same repairs). */
export const ORDER_BY: Record<string, string[]> = {
  auth_user: ["id"],
  users_profile: ["id"],
  users_userpreference: ["id"],
  users_guideapplicationrequest: ["id"],
  users_teacherinvitation: ["id"],
  authtoken_token: ["user_id", "key"],
  users_profile_showcase_image_1_tags: ["profile_id", "tag_id"],
  users_profile_showcase_image_2_tags: ["profile_id", "tag_id"],
  users_profile_showcase_image_3_tags: ["profile_id", "tag_id"],
  users_userpreference_interested_subjects: ["userpreference_id", "subject_id"],
  users_userpreference_interested_tags: ["userpreference_id", "tag_id"],
};

export const REQUIRED_APPS = ["auth", "authtoken", "users"];

export const refuse = (message: string) => new DomainError("import_source_refused", message, 400);

/**
 * Checks the tables and columns found against TABLES; returns, per table, the columns to
 * select (absent optional ones are read as NULL), or null for an absent optional table.
 */
export function planColumns(found: Map<string, Set<string>>): Map<string, Set<string> | null> {
  const plan = new Map<string, Set<string> | null>();
  for (const [table, spec] of Object.entries(TABLES)) {
    const present = found.get(table);
    if (!present || present.size === 0) {
      if (spec.optionalTable) {
        plan.set(table, null);
        continue;
      }
      throw refuse(`The old database has no ${table} table: not the Django schema this import reads.`);
    }
    const missing = Object.keys(spec.required).filter((c) => !present.has(c));
    if (missing.length > 0) throw refuse(`The old database's ${table} table lacks ${missing.join(", ")}: a schema from another version than this import reads.`);
    plan.set(table, present);
  }
  return plan;
}

const ZERO_DATE = /^0000-00-00/;
const UUID_HEX = /^[0-9a-f]{32}$/;

/** A naive 'YYYY-MM-DD HH:MM:SS[.ffffff]' from MySQL: Django with USE_TZ=True wrote it in UTC. */
function parseTime(value: string): Date | null {
  if (ZERO_DATE.test(value)) return null;
  const iso = value.includes("T") ? value : value.replace(" ", "T");
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(iso);
  const d = new Date(hasZone ? iso : `${iso}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** One value as the import's row types hold it (see the comment at the top). */
export function normalise(kind: Kind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "int":
    case "float":
      return Number(value);
    case "bool":
      if (typeof value === "boolean") return value;
      if (Buffer.isBuffer(value)) return value.some((b) => b !== 0); // bit(1)
      return Number(value) !== 0;
    case "time":
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
      return parseTime(String(value));
    case "text":
      return Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
    case "json":
      if (typeof value !== "string" && !Buffer.isBuffer(value)) return value; // jsonb / MySQL 8's JSON: parsed already
      try {
        return JSON.parse(value.toString());
      } catch {
        return null; // MariaDB's json_valid CHECK makes this unreachable; a hand-edited row reads as absent
      }
    case "uuid": {
      // Django's UUIDField: PostgreSQL's uuid type, MySQL's char(32) without dashes. The
      // links carry the dashed, lower-case text, and that is what is hashed.
      const s = String(value).toLowerCase().replace(/-/g, "");
      return UUID_HEX.test(s) ? `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}` : String(value);
    }
  }
}

/** Applies `normalise` to each column of a table's raw rows; absent optional columns become null. */
export function normaliseRows(table: string, raw: Record<string, unknown>[]): Record<string, unknown>[] {
  const spec = TABLES[table];
  const kinds = { ...spec.required, ...spec.optional };
  return raw.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [col, kind] of Object.entries(kinds)) out[col] = normalise(kind, r[col]);
    return out;
  });
}

/** A URL's parts for messages: never its password. */
export function describeUrl(u: URL, defaultPort: number): string {
  return `${u.hostname}:${u.port || defaultPort}${u.pathname}`;
}
