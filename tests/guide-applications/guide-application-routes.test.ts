import { describe, expect, it } from "vitest";
import { apiSignedIn, makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, http, testDb, type JsonResponse } from "../support/helpers";

// The old API's guide-application paths over real HTTP: every row of docs/api.md's table,
// with tokens and with browser sessions, both spellings of every path.

const NO_CREDENTIALS = '{"detail":"Authentication credentials were not provided."}';
const ADMIN_REQUIRED = '{"detail":"Admin permission required."}';
const NOT_FOUND = '{"detail":"Not found."}';

const APPLICATION_KEYS = [
  "id",
  "user",
  "username",
  "motivation",
  "experience",
  "subjects_to_teach",
  "referred_by",
  "referred_by_username",
  "status",
  "reviewed_by",
  "reviewed_by_username",
  "reviewed_at",
  "admin_notes",
  "created_at",
  "updated_at",
];

interface CallOptions {
  method?: string;
  token?: string;
  cookie?: string;
  body?: unknown;
  /** Sent as is (a string) with this content type; default JSON. */
  contentType?: string;
  origin?: boolean;
}

// The suite's own spelling: `token` for the API key, a content type for string bodies.
const call = (path: string, { token, contentType, ...opts }: CallOptions = {}): Promise<JsonResponse> =>
  http(path, { ...opts, key: token, headers: contentType ? { "content-type": contentType } : undefined });

/** A registered user with an API token (and their id). */
const member = () => apiSignedIn();
const staffMember = () => apiSignedIn({ staff: true });

const submission = (over: Record<string, unknown> = {}) => ({
  motivation: "I have taught chemistry for years.",
  experience: "Secondary school teacher.",
  subjects_to_teach: "Chemistry, Biology",
  ...over,
});

/** Every item of a staff list, page by page (the shared database holds other tests' rows too). */
async function allPages(query: string, token: string): Promise<{ id: number; status: string; created_at: string }[]> {
  const items: { id: number; status: string; created_at: string }[] = [];
  for (let page = 1; page <= 1000; page++) {
    const res = await call(`/api/users/guide-applications/?${query}&page_size=100&page=${page}`, { token });
    expect(res.status).toBe(200);
    items.push(...(res.json as unknown as typeof items));
    if (!res.headers.get("link")?.includes('rel="next"')) return items;
  }
  throw new Error("too many pages");
}

async function applied(over: Record<string, unknown> = {}) {
  const user = await member();
  const res = await call("/api/users/guide-application/", { token: user.token, body: submission(over) });
  expect(res.status, res.text).toBe(201);
  return { user, application: res.json! as Record<string, unknown> & { id: number } };
}

describe("GET/POST /api/users/guide-application/ (own latest / submit)", () => {
  it("401 without credentials and for a bad token, on both methods and both spellings", async () => {
    for (const path of ["/api/users/guide-application/", "/api/users/guide-application"]) {
      const get = await call(path);
      expect(get.status).toBe(401);
      expect(get.text).toBe(NO_CREDENTIALS);
      const post = await call(path, { body: submission() });
      expect(post.status).toBe(401);
      expect(post.text).toBe(NO_CREDENTIALS);
      const bad = await call(path, { token: "0".repeat(40) });
      expect(bad.status).toBe(401);
      expect(bad.text).toBe('{"detail":"Invalid token."}');
    }
  });

  it("404 'Not found.' before the first application", async () => {
    const user = await member();
    const res = await call("/api/users/guide-application/", { token: user.token });
    expect(res.status).toBe(404);
    expect(res.text).toBe(NOT_FOUND);
  });

  it("201 with the snake_case application; GET returns it; a referrer by username in any case", async () => {
    const referrer = await member();
    const user = await member();
    const res = await call("/api/users/guide-application/", {
      token: user.token,
      body: submission({ subjects_to_teach: " Chemistry ,, biology ", referred_by: referrer.username.toUpperCase() }),
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json!)).toEqual(APPLICATION_KEYS);
    expect(res.json).toEqual({
      id: expect.any(Number),
      user: user.id,
      username: user.username,
      motivation: "I have taught chemistry for years.",
      experience: "Secondary school teacher.",
      subjects_to_teach: "Chemistry, biology",
      referred_by: referrer.id,
      referred_by_username: referrer.username,
      status: "pending",
      reviewed_by: null,
      reviewed_by_username: null,
      reviewed_at: null,
      admin_notes: "",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
    const mine = await call("/api/users/guide-application", { token: user.token });
    expect(mine.status).toBe(200);
    expect(mine.json).toEqual(res.json);
  });

  it("accepts referred_by as a user id (old clients), and form-encoded bodies", async () => {
    const referrer = await member();
    const user = await member();
    const byId = await call("/api/users/guide-application/", { token: user.token, body: submission({ referred_by: referrer.id }) });
    expect(byId.status).toBe(201);
    expect(byId.json).toMatchObject({ referred_by: referrer.id, referred_by_username: referrer.username, experience: "Secondary school teacher." });

    const other = await member();
    const form = await call("/api/users/guide-application", {
      token: other.token,
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams({ motivation: "Form motivation", subjects_to_teach: "Art", experience: "" }).toString(),
    });
    expect(form.status).toBe(201);
    expect(form.json).toMatchObject({ motivation: "Form motivation", subjects_to_teach: "Art", experience: "", referred_by: null });
  });

  it("400 while one is pending; 400 'an approved' after approval; a rejected user may apply again", async () => {
    const staff = await staffMember();
    const { user, application } = await applied();
    const again = await call("/api/users/guide-application/", { token: user.token, body: submission() });
    expect(again.status).toBe(400);
    expect(again.text).toBe('{"detail":"You already have a pending application."}');

    const rejected = await call(`/api/users/guide-applications/${application.id}/reject/`, { token: staff.token, body: { admin_notes: "Tell us more." } });
    expect(rejected.status).toBe(200);
    const seen = await call("/api/users/guide-application/", { token: user.token });
    expect(seen.json).toMatchObject({ id: application.id, status: "rejected", admin_notes: "Tell us more." });

    const second = await call("/api/users/guide-application/", { token: user.token, body: submission({ motivation: "Second try." }) });
    expect(second.status).toBe(201);
    expect((await call(`/api/users/guide-applications/${second.json!.id}/approve/`, { token: staff.token, method: "POST" })).status).toBe(200);
    const third = await call("/api/users/guide-application/", { token: user.token, body: submission() });
    expect(third.status).toBe(400);
    expect(third.text).toBe('{"detail":"You already have an approved application."}');
    expect((await call("/api/users/guide-application/", { token: user.token })).json).toMatchObject({ id: second.json!.id, status: "approved" });
  });

  it.each([
    ["motivation missing", submission({ motivation: undefined }), { detail: "Motivation is required.", fields: { motivation: "Motivation is required." } }],
    ["motivation blank", submission({ motivation: "  " }), { detail: "Motivation is required.", fields: { motivation: "Motivation is required." } }],
    ["motivation not text", submission({ motivation: 7 }), { detail: "Motivation must be text.", fields: { motivation: "Motivation must be text." } }],
    [
      "subjects missing",
      submission({ subjects_to_teach: "" }),
      { detail: "Subjects to teach is required.", fields: { subjects_to_teach: "Subjects to teach is required." } },
    ],
    [
      "subjects too long",
      submission({ subjects_to_teach: "x".repeat(256) }),
      { detail: "Subjects to teach must be at most 255 characters.", fields: { subjects_to_teach: "Subjects to teach must be at most 255 characters." } },
    ],
    [
      "unknown referrer",
      submission({ referred_by: "nobody_here_at_all" }),
      { detail: "Referred by must be the username of an existing user.", fields: { referred_by: "Referred by must be the username of an existing user." } },
    ],
    [
      "NUL in a field",
      submission({ experience: "a\u0000b" }),
      { detail: "Experience contains a character that is not allowed.", fields: { experience: "Experience contains a character that is not allowed." } },
    ],
    ["an array", [1, 2], { detail: "The request body must be a JSON object." }],
  ])("400 with one sentence: %s", async (_name, body, expected) => {
    const user = await member();
    const res = await call("/api/users/guide-application/", { token: user.token, body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(expected);
    expect((await call("/api/users/guide-application/", { token: user.token })).status).toBe(404);
  });

  it("400 for broken JSON, 415 for another media type", async () => {
    const user = await member();
    const broken = await call("/api/users/guide-application/", { token: user.token, body: "{nope" });
    expect(broken.status).toBe(400);
    expect(broken.text).toBe('{"detail":"The request body is not valid JSON."}');
    const text = await call("/api/users/guide-application/", { token: user.token, body: "hello", contentType: "text/plain" });
    expect(text.status).toBe(415);
  });

  it("works with a browser session: GET as is, POST only from this site", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.username, user.password);
    expect((await call("/api/users/guide-application/", { cookie })).status).toBe(404);
    // A cross-site POST carrying the cookie does not count as signed in.
    const crossSite = await call("/api/users/guide-application/", { cookie, body: submission() });
    expect(crossSite.status).toBe(401);
    const created = await call("/api/users/guide-application/", { cookie, origin: true, body: submission() });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username: user.username, status: "pending" });
    expect((await call("/api/users/guide-application", { cookie })).json).toMatchObject({ id: created.json!.id });
  });
});

describe("GET /api/users/guide-applications/?status= (staff)", () => {
  it("401 anonymous, 403 'Admin permission required.' for non-staff (token or session), both spellings", async () => {
    const user = await member();
    const cookie = await sessionCookie(user.username, user.password);
    for (const path of ["/api/users/guide-applications/", "/api/users/guide-applications", "/api/users/guide-applications/?status=pending"]) {
      const anon = await call(path);
      expect(anon.status).toBe(401);
      expect(anon.text).toBe(NO_CREDENTIALS);
      const byToken = await call(path, { token: user.token });
      expect(byToken.status).toBe(403);
      expect(byToken.text).toBe(ADMIN_REQUIRED);
      const bySession = await call(path, { cookie });
      expect(bySession.status).toBe(403);
      expect(bySession.text).toBe(ADMIN_REQUIRED);
    }
  });

  it("200: a JSON array, pending first then oldest first, filtered by status, with the total in X-Total-Count", async () => {
    const staff = await staffMember();
    const a = await applied();
    const b = await applied();
    const c = await applied();
    await call(`/api/users/guide-applications/${a.application.id}/reject/`, { token: staff.token, method: "POST" });

    for (const path of ["/api/users/guide-applications/", "/api/users/guide-applications"]) {
      const all = await call(path, { token: staff.token });
      expect(all.status).toBe(200);
      const items = all.json as unknown as Record<string, unknown>[];
      expect(Array.isArray(items)).toBe(true);
      expect(Number(all.headers.get("x-total-count"))).toBeGreaterThanOrEqual(3);
      const firstDecided = items.findIndex((i) => i.status !== "pending");
      if (firstDecided >= 0) expect(items.slice(firstDecided).every((i) => i.status !== "pending")).toBe(true);
    }

    const pendingItems = await allPages("status=pending", staff.token);
    expect(pendingItems.every((i) => i.status === "pending")).toBe(true);
    const ours = pendingItems.filter((i) => [b.application.id, c.application.id].includes(i.id)).map((i) => i.id);
    expect(ours).toEqual([b.application.id, c.application.id]);
    const times = pendingItems.map((i) => i.created_at);
    expect([...times].sort()).toEqual(times);
    expect(Object.keys(pendingItems.find((i) => i.id === b.application.id)!)).toEqual(APPLICATION_KEYS);

    const rejectedItems = await allPages("status=rejected", staff.token);
    expect(rejectedItems.every((i) => i.status === "rejected")).toBe(true);
    expect(rejectedItems.map((i) => i.id)).toContain(a.application.id);
  });

  it("paginates with page and page_size, announcing the next page in a Link header", async () => {
    const staff = await staffMember();
    await applied();
    await applied();
    const page1 = await call("/api/users/guide-applications/?page_size=1", { token: staff.token });
    expect(page1.status).toBe(200);
    expect(page1.json).toHaveLength(1);
    expect(page1.headers.get("link")).toContain('/api/users/guide-applications/?page_size=1&page=2>; rel="next"');
    const page2 = await call("/api/users/guide-applications/?page_size=1&page=2", { token: staff.token });
    expect(page2.headers.get("link")).toContain('rel="prev"');
    expect((page2.json as unknown as { id: number }[])[0].id).not.toBe((page1.json as unknown as { id: number }[])[0].id);
  });

  it("?applicant= finds one person's applications", async () => {
    const staff = await staffMember();
    const { user, application } = await applied();
    const res = await call(`/api/users/guide-applications/?applicant=${user.username.toUpperCase()}`, { token: staff.token });
    expect(res.status).toBe(200);
    expect((res.json as unknown as { id: number }[]).map((i) => i.id)).toEqual([application.id]);
    expect(res.headers.get("x-total-count")).toBe("1");
  });

  it("400 with a sentence for a bad status or page size; a staff session works too", async () => {
    const staff = await staffMember();
    const bad = await call("/api/users/guide-applications/?status=maybe", { token: staff.token });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ detail: "Status must be one of: pending, approved, rejected." });
    const big = await call("/api/users/guide-applications/?page_size=1000", { token: staff.token });
    expect(big.status).toBe(400);
    expect(big.json).toMatchObject({ detail: "Page size must be at most 100." });
    const cookie = await sessionCookie(staff.username, staff.password);
    expect((await call("/api/users/guide-applications/?status=pending", { cookie })).status).toBe(200);
  });
});

describe("POST /api/users/guide-applications/<id>/approve/ and …/reject/ (staff)", () => {
  const paths = (id: number | string, verb: "approve" | "reject") => [
    `/api/users/guide-applications/${id}/${verb}/`,
    `/api/users/guide-applications/${id}/${verb}`,
  ];

  it("401 anonymous and 403 non-staff (before looking at the id); nothing changes", async () => {
    const { user, application } = await applied();
    for (const verb of ["approve", "reject"] as const) {
      for (const path of [...paths(application.id, verb), ...paths("abc", verb)]) {
        const anon = await call(path, { method: "POST" });
        expect(anon.status).toBe(401);
        expect(anon.text).toBe(NO_CREDENTIALS);
        const nonStaff = await call(path, { method: "POST", token: user.token });
        expect(nonStaff.status, path).toBe(403);
        expect(nonStaff.text).toBe(ADMIN_REQUIRED);
      }
    }
    expect((await call("/api/users/guide-application/", { token: user.token })).json).toMatchObject({ status: "pending" });
  });

  it("approve: 200 with the application, the applicant becomes an active guide (no body needed)", async () => {
    const staff = await staffMember();
    const { user, application } = await applied();
    const res = await call(paths(application.id, "approve")[1], { method: "POST", token: staff.token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json!)).toEqual(APPLICATION_KEYS);
    expect(res.json).toMatchObject({
      id: application.id,
      status: "approved",
      reviewed_by: staff.id,
      reviewed_by_username: staff.username,
      reviewed_at: expect.stringMatching(/Z$/),
      admin_notes: "",
    });
    const profile = await call("/api/users/profile/", { token: user.token });
    expect(profile.json).toMatchObject({ role: "both", active_guide: true, can_invite_teachers: false });
  });

  it("reject: 200 with admin_notes (JSON or form-encoded); the profile is unchanged", async () => {
    const staff = await staffMember();
    for (const [i, contentType] of ["application/json", "application/x-www-form-urlencoded"].entries()) {
      const { user, application } = await applied();
      const body = contentType === "application/json" ? { admin_notes: "Not yet, sorry." } : "admin_notes=Not+yet%2C+sorry.";
      const res = await call(paths(application.id, "reject")[i], { token: staff.token, body, contentType });
      expect(res.status, res.text).toBe(200);
      expect(res.json).toMatchObject({ id: application.id, status: "rejected", admin_notes: "Not yet, sorry.", reviewed_by: staff.id });
      const profile = await call("/api/users/profile/", { token: user.token });
      expect(profile.json).toMatchObject({ role: "explorer", active_guide: false });
    }
  });

  it("409 with who won for a decided application, in either order", async () => {
    const staff = await staffMember();
    const other = await staffMember();
    const first = await applied();
    expect((await call(paths(first.application.id, "reject")[0], { token: staff.token, body: { admin_notes: "No." } })).status).toBe(200);
    for (const verb of ["approve", "reject"] as const) {
      const late = await call(paths(first.application.id, verb)[0], { method: "POST", token: other.token });
      expect(late.status).toBe(409);
      expect(late.text).toBe('{"detail":"This application was already rejected."}');
    }
    const second = await applied();
    expect((await call(paths(second.application.id, "approve")[0], { method: "POST", token: staff.token })).status).toBe(200);
    const late = await call(paths(second.application.id, "reject")[1], { token: other.token, body: { admin_notes: "Too late." } });
    expect(late.status).toBe(409);
    expect(late.text).toBe('{"detail":"This application was already approved."}');
    const row = await testDb().guideApplication.findUniqueOrThrow({ where: { id: second.application.id } });
    expect(row).toMatchObject({ status: "approved", reviewedById: staff.id, adminNotes: null });
  });

  it("404 'Not found.' for unknown and non-numeric ids, both spellings", async () => {
    const staff = await staffMember();
    for (const id of ["2000000000", "abc", "0", "-1", "1.5", "99999999999", "%20"]) {
      for (const verb of ["approve", "reject"] as const) {
        for (const path of paths(id, verb)) {
          const res = await call(path, { method: "POST", token: staff.token });
          expect(res.status, path).toBe(404);
          expect(res.text).toBe(NOT_FOUND);
        }
      }
    }
  });

  it("400 for notes that are too long or not text, and for a body that is not an object", async () => {
    const staff = await staffMember();
    const { application } = await applied();
    const long = await call(paths(application.id, "reject")[0], { token: staff.token, body: { admin_notes: "n".repeat(5001) } });
    expect(long.status).toBe(400);
    expect(long.json).toEqual({ detail: "Admin notes must be at most 5000 characters.", fields: { admin_notes: "Admin notes must be at most 5000 characters." } });
    const notText = await call(paths(application.id, "approve")[0], { token: staff.token, body: { admin_notes: 5 } });
    expect(notText.status).toBe(400);
    expect(notText.json).toMatchObject({ detail: "Admin notes must be text." });
    const array = await call(paths(application.id, "approve")[0], { token: staff.token, body: [] });
    expect(array.status).toBe(400);
    expect(array.json).toEqual({ detail: "The request body must be a JSON object." });
    const plain = await call(paths(application.id, "approve")[0], { token: staff.token, body: "x", contentType: "text/plain" });
    expect(plain.status).toBe(415);
    // An empty JSON body is no notes, like no body at all.
    const empty = await call(paths(application.id, "approve")[0], { token: staff.token, body: "" });
    expect(empty.status, empty.text).toBe(200);
    expect(empty.json).toMatchObject({ status: "approved", admin_notes: "" });
  });

  it("a staff browser session decides from this site only", async () => {
    const staff = await staffMember();
    const cookie = await sessionCookie(staff.username, staff.password);
    const { application } = await applied();
    const crossSite = await call(paths(application.id, "approve")[0], { method: "POST", cookie });
    expect(crossSite.status).toBe(401);
    const sameSite = await call(paths(application.id, "approve")[0], { method: "POST", cookie, origin: true });
    expect(sameSite.status).toBe(200);
    expect(sameSite.json).toMatchObject({ status: "approved", reviewed_by: staff.id });
  });

  it("a member who lost the staff flag is refused at once (403), whatever their token says", async () => {
    const staff = await staffMember();
    const { application } = await applied();
    await testDb().user.update({ where: { id: staff.id }, data: { isStaff: false } });
    const res = await call(paths(application.id, "approve")[0], { method: "POST", token: staff.token });
    expect(res.status).toBe(403);
    expect(res.text).toBe(ADMIN_REQUIRED);
  });
});

describe("the staff pages over HTTP", () => {
  const pages = ["/admin/guide-applications", "/admin/outbox"];

  it("send anonymous visitors to /login, answer 403 to members and 200 to staff", async () => {
    const user = await registeredUser();
    const staff = await registeredUser();
    await makeStaff(staff.username);
    const memberCookie = await sessionCookie(user.username, user.password);
    const staffCookie = await sessionCookie(staff.username, staff.password);
    for (const path of pages) {
      const anon = await fetch(`${baseUrl()}${path}?status=pending`, { redirect: "manual" });
      expect(anon.status).toBe(307);
      expect(anon.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`${path}?status=pending`)}`);
      const asMember = await fetch(`${baseUrl()}${path}`, { headers: { cookie: memberCookie }, redirect: "manual" });
      expect(asMember.status).toBe(403);
      const asStaff = await fetch(`${baseUrl()}${path}`, { headers: { cookie: staffCookie }, redirect: "manual" });
      expect(asStaff.status).toBe(200);
    }
  });

  it("detail pages: 404 for unknown or malformed ids; a bad filter is a sentence, not a 500", async () => {
    const staff = await registeredUser();
    await makeStaff(staff.username);
    const cookie = await sessionCookie(staff.username, staff.password);
    for (const path of ["/admin/guide-applications/2000000000", "/admin/guide-applications/abc", "/admin/outbox/2000000000", "/admin/outbox/x1"]) {
      const res = await fetch(`${baseUrl()}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(res.status, path).toBe(404);
    }
    const bad = await fetch(`${baseUrl()}/admin/guide-applications?status=maybe`, { headers: { cookie } });
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Status must be one of: pending, approved, rejected.");
  });

  it("/guide-application sends anonymous visitors to /login and back", async () => {
    const res = await fetch(`${baseUrl()}/guide-application`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/login?next=%2Fguide-application");
  });
});
