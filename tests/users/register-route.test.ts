import { describe, expect, it } from "vitest";
import { baseUrl, newUser, postRegister, STRONG_PASSWORD, testDb, uniq } from "../support/helpers";

const CREATED = { message: "User registered successfully." };
const REQUIRED = { error: "Username, email, and password are required." };

describe("POST /api/users/register/ — the seed's tests", () => {
  it("1: registers a user (201)", async () => {
    const res = await postRegister(newUser());
    expect(res.status).toBe(201);
    expect(res.text).toBe(JSON.stringify(CREATED));
  });

  it("2: refuses a duplicate email with the contract's message", async () => {
    const first = newUser();
    expect((await postRegister(first)).status).toBe(201);
    const res = await postRegister(newUser({ email: first.email }));
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"error":"Email already registered."}');
  });

  it("3: refuses a duplicate username with the contract's message", async () => {
    const first = newUser();
    expect((await postRegister(first)).status).toBe(201);
    const res = await postRegister(newUser({ username: first.username }));
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"error":"Username already taken."}');
  });

  it("4: the new user has a profile with the requested role and bio", async () => {
    const user = newUser({ role: "guide", bio: "I teach chemistry." });
    expect((await postRegister(user)).status).toBe(201);
    const saved = await testDb().user.findFirstOrThrow({
      where: { username: user.username },
      include: { profile: true },
    });
    expect(saved.profile).toMatchObject({ role: "guide", bio: "I teach chemistry.", activeGuide: false, canInviteTeachers: false });
    expect(saved.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(saved.passwordHash).not.toContain(STRONG_PASSWORD);
    expect(saved.isStaff).toBe(false);
    expect(saved.isActive).toBe(true);
  });
});

describe("POST /api/users/register/ — every row of the contract", () => {
  it("defaults the role to explorer", async () => {
    const user = newUser();
    expect((await postRegister(user)).status).toBe(201);
    const saved = await testDb().profile.findFirstOrThrow({ where: { user: { username: user.username } } });
    expect(saved.role).toBe("explorer");
  });

  it.each([
    ["username missing", { username: undefined }],
    ["email missing", { email: undefined }],
    ["password missing", { password: undefined }],
    ["username empty", { username: "" }],
    ["email empty", { email: "" }],
    ["password empty", { password: "" }],
    ["username blank", { username: "   " }],
    ["username null", { username: null }],
  ])("400 required: %s", async (_label, override) => {
    const res = await postRegister(newUser(override));
    expect(res.status).toBe(400);
    expect(res.text).toBe(JSON.stringify(REQUIRED));
  });

  it("400 required for an empty object and an empty form", async () => {
    expect((await postRegister({})).text).toBe(JSON.stringify(REQUIRED));
    const form = await postRegister("", { contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(400);
    expect(form.text).toBe(JSON.stringify(REQUIRED));
  });

  it("the username message wins when both username and email are taken", async () => {
    const first = newUser();
    expect((await postRegister(first)).status).toBe(201);
    const res = await postRegister({ ...first });
    expect(res.text).toBe('{"error":"Username already taken."}');
  });

  it.each([
    ["John / john", (n: string) => [`John${n}`, `john${n}`]],
    ["ÄNNE / änne (Unicode)", (n: string) => [`ÄNNE${n}`, `änne${n}`]],
  ])("usernames differing only in case collide: %s", async (_label, names) => {
    const [a, b] = names(uniq(""));
    expect((await postRegister(newUser({ username: a }))).status).toBe(201);
    const res = await postRegister(newUser({ username: b }));
    expect(res.text).toBe('{"error":"Username already taken."}');
  });

  it("emails differing only in case collide (A@X.com / a@x.com)", async () => {
    const local = uniq("A");
    expect((await postRegister(newUser({ email: `${local}@X.com` }))).status).toBe(201);
    const res = await postRegister(newUser({ email: `${local.toLowerCase()}@x.com` }));
    expect(res.text).toBe('{"error":"Email already registered."}');
  });

  it("stores the email with its domain lower-cased and the local part as typed", async () => {
    const user = newUser({ email: `${uniq("Mixed.Case")}@Example.COM` });
    expect((await postRegister(user)).status).toBe(201);
    const saved = await testDb().user.findFirstOrThrow({ where: { username: user.username } });
    expect(saved.email).toBe(user.email.replace("@Example.COM", "@example.com"));
  });

  it("NFKC-normalises usernames, so compatibility forms collide", async () => {
    const base = uniq("nf");
    expect((await postRegister(newUser({ username: `${base}ﬁ` }))).status).toBe(201); // U+FB01 ligature
    const res = await postRegister(newUser({ username: `${base}fi` }));
    expect(res.text).toBe('{"error":"Username already taken."}');
  });

  it.each([
    ["a bad email", { email: "not-an-email" }, "Enter a valid email address."],
    ["a bad username", { username: "has space" }, "Username may contain only letters, digits and @ . + - _ characters."],
    ["a too-short password", { password: "Ab1!" }, "This password is too short. It must contain at least 8 characters."],
    ["an entirely numeric password", { password: "90317468215" }, "This password is entirely numeric."],
    ["a common password", { password: "password123" }, "This password is too common."],
    ["an unknown role", { role: "admin" }, "Role must be one of: explorer, guide, both."],
    ["a role longer than the column", { role: "x".repeat(500) }, "Role must be one of: explorer, guide, both."],
    ["an over-long username", { username: "u".repeat(151) }, "Username must be at most 150 characters."],
    ["an over-long bio", { bio: "b".repeat(5001) }, "Bio must be at most 5000 characters."],
    ["a NUL in the bio", { bio: "hello\u0000world" }, "Bio contains a character that is not allowed."],
    ["a NUL in the username", { username: "nul\u0000user" }, "Username contains a character that is not allowed."],
    ["a number as username", { username: 12345 }, "Username must be text."],
    ["an object as password", { password: { a: 1 } }, "Password must be text."],
    ["an array as email", { email: ["a@b.c"] }, "Email must be text."],
    ["a boolean role", { role: true }, "Role must be one of: explorer, guide, both."],
  ])("400 for %s, with one clear sentence", async (_label, override, message) => {
    const res = await postRegister(newUser(override));
    expect(res.status).toBe(400);
    expect(res.json?.error).toBe(message);
    expect(Object.keys(res.json ?? {}).sort()).toEqual(expect.arrayContaining(["error"]));
  });

  it("refuses a password too similar to the username or the email", async () => {
    const username = uniq("marguerite");
    const res = await postRegister(newUser({ username, password: username }));
    expect(res.json?.error).toBe("The password is too similar to the username.");
    const byEmail = await postRegister(
      newUser({ email: "bartholomew.stone@example.com", password: "bartholomew1" }),
    );
    expect(byEmail.json?.error).toBe("The password is too similar to the email address.");
  });

  it("accepts the seed's passwords", async () => {
    for (const password of ["SecurePass123!", "Pass123!"]) {
      expect((await postRegister(newUser({ password }))).status).toBe(201);
    }
  });

  it("adds per-field messages to 'other invalid input' errors only", async () => {
    const res = await postRegister(newUser({ email: "nope" }));
    expect(res.json).toEqual({ error: "Enter a valid email address.", fields: { email: "Enter a valid email address." } });
  });

  it.each([
    ["malformed JSON", '{"username": ', "The request body is not valid JSON."],
    ["a JSON array", "[1, 2]", "The request body must be a JSON object."],
    ["a JSON string", '"hello"', "The request body must be a JSON object."],
    ["JSON null", "null", "The request body must be a JSON object."],
    ["an empty body", "", "The request body is empty; send a JSON object."],
  ])("400 for %s", async (_label, raw, message) => {
    const res = await postRegister(raw, { raw: true });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: message });
  });

  it("accepts form-encoded bodies", async () => {
    const user = newUser({ role: "both" });
    const res = await postRegister(user, { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(201);
    expect(res.text).toBe(JSON.stringify(CREATED));
  });

  it("accepts multipart form bodies", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(newUser())) form.set(k, String(v));
    const res = await fetch(`${baseUrl()}/api/users/register/`, {
      method: "POST",
      body: form,
    });
    expect(res.status).toBe(201);
  });

  it.each(["text/plain", "application/xml", "application/octet-stream"])("415 for %s", async (type) => {
    const res = await postRegister(JSON.stringify(newUser()), { contentType: type, raw: true });
    expect(res.status).toBe(415);
    expect(res.json).toEqual({ error: "Send the body as application/json or application/x-www-form-urlencoded." });
  });

  it("413 for a body over 64 KiB", async () => {
    const res = await postRegister(newUser({ bio: "x".repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: "The request body must be at most 64 KiB." });
  });

  it("answers both spellings of the path directly, with no redirect", async () => {
    const withSlash = await postRegister(newUser(), { path: "/api/users/register/" });
    const withoutSlash = await postRegister(newUser(), { path: "/api/users/register" });
    expect(withSlash.status).toBe(201);
    expect(withoutSlash.status).toBe(201);
  });

  it("returns a request id, honouring a sane incoming one", async () => {
    const generated = await postRegister(newUser());
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const honoured = await postRegister(newUser(), { headers: { "x-request-id": "client-req-42" } });
    expect(honoured.headers.get("x-request-id")).toBe("client-req-42");
    const replaced = await postRegister(newUser(), { headers: { "x-request-id": "bad id\twith junk" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("405 for GET", async () => {
    const res = await fetch(`${baseUrl()}/api/users/register/`);
    expect(res.status).toBe(405);
  });
});
