import { describe, expect, it } from "vitest";
import { normalise, planColumns, TABLES } from "../../lib/import-django/columns";
import { repairProfileDetails } from "../../lib/import-django/repair-profile-details";
import { Conflicts } from "../../lib/import-django/conflicts";
import type { LegacyProfile } from "../../lib/import-django/types";

// How MySQL's values become the import's (lib/import-django/columns.ts), and the media
// path rule of the live profile's columns: pure functions, no database.

describe("normalise: MySQL's ways", () => {
  it("reads naive datetimes as UTC, zero dates as none, zoned values as given", () => {
    expect((normalise("time", "2026-08-28 21:02:05.979607") as Date).toISOString()).toBe("2026-08-28T21:02:05.979Z");
    expect(normalise("time", "0000-00-00 00:00:00")).toBeNull();
    expect(normalise("time", "0000-00-00")).toBeNull();
    expect((normalise("time", "2026-01-01T09:00:00+09:00") as Date).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(normalise("time", "not a date")).toBeNull();
    const d = new Date("2026-01-01T00:00:00Z");
    expect(normalise("time", d)).toBe(d);
  });

  it("reads tinyint(1) and bit(1) as booleans", () => {
    expect(normalise("bool", 1)).toBe(true);
    expect(normalise("bool", 0)).toBe(false);
    expect(normalise("bool", "1")).toBe(true);
    expect(normalise("bool", Buffer.from([1]))).toBe(true);
    expect(normalise("bool", Buffer.from([0]))).toBe(false);
    expect(normalise("bool", true)).toBe(true);
    expect(normalise("bool", null)).toBeNull();
  });

  it("parses JSON stored as text (MariaDB) and takes parsed JSON (MySQL 8, PostgreSQL) as it is", () => {
    expect(normalise("json", '["ja", "en"]')).toEqual(["ja", "en"]);
    expect(normalise("json", ["en"])).toEqual(["en"]);
    expect(normalise("json", "{not json")).toBeNull();
  });

  it("dashes Django's char(32) UUIDs, lower case, as the links carry them", () => {
    expect(normalise("uuid", "A3F7EE0640834111ABCBE155C964329B")).toBe("a3f7ee06-4083-4111-abcb-e155c964329b");
    expect(normalise("uuid", "a3f7ee06-4083-4111-abcb-e155c964329b")).toBe("a3f7ee06-4083-4111-abcb-e155c964329b");
    expect(normalise("uuid", "short")).toBe("short");
  });

  it("numbers from big-number strings; text from buffers", () => {
    expect(normalise("int", "9007199254740")).toBe(9007199254740);
    expect(normalise("text", Buffer.from("Zoë", "utf8"))).toBe("Zoë");
  });
});

describe("planColumns", () => {
  const full = () => new Map(Object.entries(TABLES).filter(([, s]) => !s.optionalTable).map(([t, s]) => [t, new Set(Object.keys(s.required))]));

  it("accepts the required columns alone (older live versions): optional columns and tables read as none", () => {
    const plan = planColumns(full());
    expect(plan.get("users_userpreference")).toBeNull();
    expect(plan.get("users_profile")!.has("locale")).toBe(false);
  });

  it("refuses a missing table or column with one sentence", () => {
    const noToken = full();
    noToken.delete("authtoken_token");
    expect(() => planColumns(noToken)).toThrow("The old database has no authtoken_token table: not the Django schema this import reads.");
    const noLogin = full();
    noLogin.get("auth_user")!.delete("last_login");
    expect(() => planColumns(noLogin)).toThrow(/auth_user table lacks last_login/);
  });
});

describe("the live profile's media paths", () => {
  // Every live column absent (null), as read from a database that has them empty.
  const blank = Object.fromEntries(Object.keys(TABLES.users_profile.optional).map((c) => [c, null]));
  const profile = (p: Partial<LegacyProfile>) => ({ ...blank, id: 1, ...p }) as LegacyProfile;
  const none = [new Map(), new Map(), new Map()] as [Map<number, number[]>, Map<number, number[]>, Map<number, number[]>];

  it("keeps relative paths as Django stored them; blank is none", () => {
    const c = new Conflicts();
    const d = repairProfileDetails(profile({ profile_image: "profile_images/carol/a b.jpg", showcase_image_1: "" }), 4, none, c);
    expect(d.profileImage).toBe("profile_images/carol/a b.jpg");
    expect(d.showcaseImage1).toBeNull();
    expect(c.list).toEqual([]);
  });

  it.each(["/etc/passwd", "../secrets.png", "profile_images/../../x.png", "https://evil.example/x.png", "a\\b.png", "./x.png"])("refuses %s and reports it", (path) => {
    const c = new Conflicts();
    expect(repairProfileDetails(profile({ profile_image: path }), 4, none, c).profileImage).toBeNull();
    expect(c.list.map((x) => x.kind)).toEqual(["unsafe_media_path"]);
  });

  it("an unknown locale becomes en, a negative score 0, each reported", () => {
    const c = new Conflicts();
    const d = repairProfileDetails(profile({ locale: "fr", growth_score: -3 }), 4, none, c);
    expect(d).toMatchObject({ locale: "en", growthScore: 0 });
    expect(c.list.map((x) => x.kind)).toEqual(["unknown_locale", "invalid_score"]);
  });
});
