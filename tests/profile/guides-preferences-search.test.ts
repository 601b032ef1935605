import { describe, expect, it } from "vitest";
import { apiSignedIn } from "../support/auth";
import { baseUrl, http, testDb, uniq, withPg } from "../support/helpers";
import { IMAGES, form, sendForm } from "../support/images";
import { apiMember, withKey } from "../support/invite";
import { countBy, storm } from "../support/storm";
import { makeUser } from "../support/teach";

// Issue 22 point 5: the account side of the live "other group" (review §4, O8–O13):
// guides/, guides/<username>/, preferences/ and search/, without the live app's leaks.

const db = () => testDb();
const both = (p: string) => [p, p.replace(/\/$/, "")];

async function guide(opts: { prefix?: string; role?: "guide" | "both" } = {}) {
  const u = await makeUser(db(), { role: opts.role ?? "guide", prefix: opts.prefix ?? uniq("gd") });
  await db().profile.update({
    where: { userId: u.id },
    data: { displayName: "Carol K.", teacherTagline: "TOEIC 990 coach", teacherAbout: "Ten years.", websiteUrl: "https://carol.example.com", growthScore: 4 },
  });
  return withKey(db(), u);
}

describe("GET /api/users/guides/ (O8, O9)", () => {
  it("guides and both, newest first, as a bare array: id, username, profile_image_url, bio, display_name; no email; both spellings", async () => {
    const older = await guide({ role: "both" });
    const newer = await guide();
    const explorer = await makeUser(db());
    for (const path of both("/api/users/guides/")) {
      const res = await http(`${path}?limit=100`);
      expect(res.status).toBe(200);
      const list = res.json as unknown as Record<string, unknown>[];
      expect(Array.isArray(list)).toBe(true);
      const ids = list.map((g) => g.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      expect(ids).not.toContain(explorer.id);
      expect(list.find((g) => g.id === newer.id)).toMatchObject({ username: newer.username, display_name: "Carol K.", profile_image_url: null, bio: null, growth_score: 4 });
      expect(res.text).not.toContain("@example.com");
      expect(list.every((g) => !("email" in g))).toBe(true);
    }
  });

  it("?search= matches part of the username in any letter case, taken literally, by username; ?limit caps", async () => {
    const tag = uniq("srch");
    const a = await guide({ prefix: `${tag}_b` });
    const b = await guide({ prefix: `${tag}_a` });
    const res = await http(`/api/users/guides/?search=${tag.toUpperCase()}`);
    const names = (res.json as unknown as { username: string }[]).map((g) => g.username);
    expect(names).toEqual([b.username, a.username]);
    expect((await http(`/api/users/guides/?search=${tag}&limit=1`)).json).toHaveLength(1);
    expect((await http(`/api/users/guides/?search=%25`)).json).toEqual([]);
    expect((await http("/api/users/guides/?limit=0")).status).toBe(400);
    expect((await http("/api/users/guides/?limit=x")).json).toMatchObject({ detail: "limit must be a whole number." });
  });

  it("an inactive guide is not listed", async () => {
    const g = await guide();
    await db().user.update({ where: { id: g.id }, data: { isActive: false } });
    const list = (await http(`/api/users/guides/?search=${g.username}`)).json as unknown as unknown[];
    expect(list).toEqual([]);
  });
});

describe("GET /api/users/guides/<username>/ (O10)", () => {
  it("the public profile with its SEO block; any letter case; no email; both spellings", async () => {
    const g = await guide();
    await sendForm(baseUrl(), "/api/users/profile/", g.key, form({ profile_image: { bytes: IMAGES.png, name: "me.png" } }));
    for (const path of both(`/api/users/guides/${g.username.toUpperCase()}/`)) {
      const res = await http(path);
      expect(res.status).toBe(200);
      const profile = res.json!.profile as Record<string, unknown>;
      expect(profile).toMatchObject({
        id: g.id,
        username: g.username,
        display_name: "Carol K.",
        role: "guide",
        teacher_about: "Ten years.",
        website_url: "https://carol.example.com",
        growth_score: 4,
        impact_score: 0,
        showcase_image_1_url: null,
        showcase_image_1_tags_detail: [],
      });
      expect(profile.profile_image_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/user_\d+\/profile_image\/.+\.png$/);
      expect(res.json!.seo).toMatchObject({
        title: "Carol K. | Zporta Academy",
        description: "TOEIC 990 coach",
        canonical_url: `${baseUrl()}/guide/${g.username}`,
        og_image: profile.profile_image_url,
        robots: "index, follow",
        json_ld: { "@type": "Person", name: "Carol K.", sameAs: ["https://carol.example.com"] },
      });
      expect(res.text).not.toContain(g.email);
    }
  });

  it("404 for an explorer, an unknown name or a too long one; 400 for a broken escape (Next alone answered a bare 500)", async () => {
    const explorer = await makeUser(db());
    for (const name of [explorer.username, uniq("nobody"), "x".repeat(200), "%3Cscript%3E"]) {
      expect(await http(`/api/users/guides/${name}/`), name).toMatchObject({ status: 404, json: { detail: "Guide profile not found." } });
    }
    expect(await http("/api/users/guides/%E0%A4%A/")).toMatchObject({ status: 400, json: { detail: "The address is not valid." } });
    expect(await http("/media/%E0%A4%A.png")).toMatchObject({ status: 400, text: "The address is not valid." });
  });
});

describe("GET and PATCH /api/users/preferences/ (O11, O12)", () => {
  it("reads interested_subjects, languages_spoken and location; PATCH changes the fields given; both spellings", async () => {
    const user = await apiSignedIn();
    for (const path of both("/api/users/preferences/")) {
      const res = await http(path, { key: user.token });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ interested_subjects: [], languages_spoken: [], location: null });
    }
    const patched = await http("/api/users/preferences/", { method: "PATCH", key: user.token, body: { interested_subjects: [3, 1], languages_spoken: ["ja", "en"], location: " Osaka " } });
    expect(patched.json).toMatchObject({ interested_subjects: [3, 1], languages_spoken: ["ja", "en"], location: "Osaka" });
    const partial = await http("/api/users/preferences", { method: "PATCH", key: user.token, body: { location: "Kyoto" } });
    expect(partial.json).toMatchObject({ interested_subjects: [3, 1], languages_spoken: ["ja", "en"], location: "Kyoto" });
    // The profile and the next sign-in carry them too.
    expect((await http("/api/users/profile/", { key: user.token })).json!.preferences).toMatchObject({ languages_spoken: ["ja", "en"], location: "Kyoto" });
  });

  it.each([
    ["a list that is not", { languages_spoken: "en" }, "languages_spoken must be a list of language codes."],
    ["a bad code", { languages_spoken: ["english!"] }, "Each spoken language must be a language code such as en or ja."],
    ["ids that are not", { interested_subjects: [0] }, "interested_subjects must be a list of ids."],
    ["an unknown report language", { report_language: "xx" }, "report_language must be one of en, ja, es, fr, de, zh, ko."],
    ["an array body", [1], "The request body must be a JSON object."],
  ])("400 for %s", async (_name, body, detail) => {
    const user = await apiSignedIn();
    expect(await http("/api/users/preferences/", { method: "PATCH", key: user.token, body })).toMatchObject({ status: 400, json: { detail } });
  });

  it("401 without credentials", async () => {
    expect((await http("/api/users/preferences/")).status).toBe(401);
    expect((await http("/api/users/preferences/", { method: "PATCH", body: {} })).status).toBe(401);
  });

  it("the row is made on first need, once, however many first requests race from several processes", async () => {
    const member = await apiMember(db());
    const requests = Array.from({ length: 20 }, (_, i) => ({
      path: "/api/users/preferences/",
      method: i % 2 ? "PATCH" : "PUT",
      body: { location: `City ${i}` },
      headers: { authorization: `Token ${member.key}` },
    }));
    const { results } = await storm(baseUrl(), requests, 4);
    expect(Object.keys(countBy(results)).every((k) => k.startsWith("200 "))).toBe(true);
    const rows = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "UserPreference" WHERE "userId" = $1`, [member.id]));
    expect(rows.rows[0].n).toBe(1);
  });
});

describe("GET /api/users/search/?q= (O13)", () => {
  it("signed-in only: results[] with id and username, by username or display name; never an email", async () => {
    const caller = await apiSignedIn();
    const tag = uniq("find");
    const a = await makeUser(db(), { prefix: `${tag}_x` });
    const b = await makeUser(db(), { prefix: uniq("other") });
    await db().profile.update({ where: { userId: b.id }, data: { displayName: `Known as ${tag}` } });
    for (const path of both("/api/users/search/")) {
      const res = await http(`${path}?q=${tag.toUpperCase()}`, { key: caller.token });
      expect(res.status).toBe(200);
      const results = res.json!.results as { id: number; username: string }[];
      expect(results.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
      expect(results.every((r) => Object.keys(r).join() === "id,username,display_name")).toBe(true);
      expect(res.text).not.toContain("@example.com");
    }
    expect((await http("/api/users/search/?q=", { key: caller.token })).json).toEqual({ results: [] });
    expect((await http(`/api/users/search/?q=${tag}`)).status).toBe(401);
    expect((await http(`/api/users/search/?q=${"x".repeat(151)}`, { key: caller.token })).status).toBe(400);
  });
});
