import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../../app/api/openapi.json/operations";
import { replySchema, type Operation } from "../../lib/http/contract";
import { apiSignedIn, registeredUser } from "../support/auth";
import { http, newUser, postRegister, testDb, type JsonResponse } from "../support/helpers";
import { apiInviter, freshEmail, memberWithEmail, pendingInvitation } from "../support/invite";
import { makeUser } from "../support/teach";
import { totpCode } from "../support/two-factor";

// Issue 19 point 6: the old API's contract as data. The served document is OpenAPI 3.1,
// every route under app/api has its operations in it, and live answers of the routes
// the byte-exact contract tests cover parse with the schema documented for their status.

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

const APP_API = path.join(import.meta.dirname, "..", "..", "app", "api");
const db = () => testDb();

/** Every route.ts under app/api: its URL template ({param}) and the methods it exports. */
function routeFiles(): { template: string; methods: string[]; catchAll: boolean }[] {
  const out: { template: string; methods: string[]; catchAll: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(APP_API, dir).split(path.sep);
        const template = "/api/" + rel.map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}")).join("/");
        const source = readFileSync(full, "utf8");
        // `export const GET =`, `export async function GET(`, `export { handler as GET }`.
        const declared = [...source.matchAll(/^export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]);
        const reexported = [...source.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => [...m[1].matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((n) => n[1]));
        const methods = [...declared, ...reexported];
        out.push({ template, methods: [...new Set(methods)], catchAll: rel.some((s) => s.startsWith("[...")) });
      }
    }
  };
  walk(APP_API);
  return out;
}

/** The contract's operation for a method and documented path. */
function operation(method: string, docPath: string): Operation {
  const op = OPERATIONS.find((o) => o.method === method && o.path === docPath);
  if (!op) throw new Error(`no contract for ${method} ${docPath}`);
  return op;
}

/** The live answer's status is documented, and its JSON parses with that status's schema. */
function conforms(res: JsonResponse, method: string, docPath: string, status: number): void {
  expect(res.status, res.text).toBe(status);
  const schema = replySchema(operation(method, docPath), status);
  if (!schema) throw new Error(`${method} ${docPath} documents no body for ${status}`);
  const parsed = schema.safeParse(JSON.parse(res.text));
  expect(parsed.success, `${method} ${docPath} ${status}: ${res.text}\n${parsed.error?.message}`).toBe(true);
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document with paths, operations and components whose references all resolve", async () => {
    const res = await http("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = res.json as unknown as Doc;
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const ids = new Set<string>();
    for (const [p, byMethod] of Object.entries(doc.paths)) {
      expect(p).toMatch(/^\/api\//);
      for (const [method, op] of Object.entries(byMethod)) {
        expect(["get", "post", "put", "patch", "delete"]).toContain(method);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).length, `${method} ${p}`).toBeGreaterThan(0);
        for (const status of Object.keys(op.responses)) expect(status).toMatch(/^[1-5]\d\d$/);
      }
    }
    expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(10);
    const refs = [...res.text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(30);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(doc.components.schemas[ref.split("/").pop()!], ref).toBeDefined();
    }
    // The registration contract's rows, as data.
    const register = doc.paths["/api/users/register/"].post;
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(["201", "400", "403", "413", "415", "429", "500", "503"]));
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("has an entry for every route file under app/api and every method it exports", async () => {
    const doc = (await http("/api/openapi.json")).json as unknown as Doc;
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(route.methods.length, route.template).toBeGreaterThan(0);
      // The JSON 404 of every address no route answers (app/api/[...path]/route.ts): no
      // operation of its own; docs/api.md says it, tests/http/security-headers.test.ts checks it.
      if (route.template === "/api/{path}") continue;
      if (route.catchAll) {
        // next-auth's catch-all: its concrete endpoints are listed under its prefix.
        const prefix = route.template.replace(/\{\w+\}$/, "");
        const methods = Object.entries(doc.paths).filter(([p]) => p.startsWith(prefix)).flatMap(([, m]) => Object.keys(m));
        for (const method of route.methods) expect(methods, `${method} ${route.template}`).toContain(method.toLowerCase());
        continue;
      }
      const entry = doc.paths[route.template] ?? doc.paths[`${route.template}/`];
      expect(entry, `${route.template} is not in the document`).toBeDefined();
      for (const method of route.methods) expect(Object.keys(entry), `${method} ${route.template}`).toContain(method.toLowerCase());
    }
  });

  it("documents examples that its own schemas accept", () => {
    for (const op of OPERATIONS) {
      if (op.request?.body && op.request.example !== undefined) {
        const parsed = op.request.body.safeParse(op.request.example);
        expect(parsed.success, `${op.method} ${op.path} request example: ${parsed.error?.message}`).toBe(true);
      }
      for (const [status, spec] of Object.entries(op.responses)) {
        if (!spec.body || spec.example === undefined) continue;
        const parsed = spec.body.safeParse(spec.example);
        expect(parsed.success, `${op.method} ${op.path} ${status} example: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it("reply schemas are strict: a field added or renamed on the wire fails them", () => {
    const schema = replySchema(operation("GET", "/api/users/profile/"), 200)!;
    const example = OPERATIONS.find((o) => o.method === "GET" && o.path === "/api/users/profile/")!.responses[200].example as Record<string, unknown>;
    expect(schema.safeParse(example).success).toBe(true);
    expect(schema.safeParse({ ...example, password: "x" }).success).toBe(false);
    const { display_name, ...renamed } = example;
    expect(schema.safeParse({ ...renamed, displayName: display_name }).success).toBe(false);
  });
});

describe("live answers match the documented reply for their status", () => {
  it("registration and login", async () => {
    const user = newUser();
    conforms(await postRegister(user), "POST", "/api/users/register/", 201);
    conforms(await postRegister({ username: "", email: "", password: "" }), "POST", "/api/users/register/", 400);
    conforms(await postRegister({ ...newUser(), username: user.username }), "POST", "/api/users/register/", 400);
    conforms(await postRegister({ ...newUser(), email: "not an email" }), "POST", "/api/users/register/", 400);
    conforms(await postRegister("{", { raw: true }), "POST", "/api/users/register/", 400);
    conforms(await postRegister("x", { raw: true, contentType: "text/plain" }), "POST", "/api/users/register/", 415);
    conforms(await http("/api/users/register/", { body: user, headers: { "sec-fetch-site": "cross-site" } }), "POST", "/api/users/register/", 403);
    conforms(await http("/api/users/login/", { body: { username: user.username, password: user.password } }), "POST", "/api/users/login/", 200);
    conforms(await http("/api/users/login/", { body: { username: user.username, password: "wrong one" } }), "POST", "/api/users/login/", 400);
    conforms(await http("/api/users/login/", { body: {} }), "POST", "/api/users/login/", 400);
  });

  it("profile, sessions, password change, logout", async () => {
    const user = await apiSignedIn();
    const key = user.token;
    conforms(await http("/api/users/profile/", { key }), "GET", "/api/users/profile/", 200);
    conforms(await http("/api/users/profile/"), "GET", "/api/users/profile/", 401);
    conforms(await http("/api/users/profile/", { method: "PATCH", key, body: { display_name: "Ada" } }), "PATCH", "/api/users/profile/", 200);
    conforms(await http("/api/users/profile/", { method: "PUT", key, body: { role: "guide" } }), "PUT", "/api/users/profile/", 400);
    conforms(await http("/api/users/sessions/", { key }), "GET", "/api/users/sessions/", 200);
    conforms(await http("/api/users/session/heartbeat/", { method: "POST", key }), "POST", "/api/users/session/heartbeat/", 200);
    conforms(await http("/api/users/sessions/api-999999999/", { method: "DELETE", key }), "DELETE", "/api/users/sessions/{id}/", 404);
    conforms(await http("/api/users/sessions/revoke-others/", { method: "POST", key }), "POST", "/api/users/sessions/revoke-others/", 200);
    const wrong = { current_password: "not it at all", new_password: "x", confirm_new_password: "y" };
    conforms(await http("/api/users/change-password/", { key, body: wrong }), "POST", "/api/users/change-password/", 400);
    conforms(await http("/api/users/logout/", { method: "POST", key }), "POST", "/api/users/logout/", 200);
    conforms(await http("/api/users/logout/", { method: "POST", key }), "POST", "/api/users/logout/", 401);
  });

  it("preferences, guides, search (the live profile's other calls)", async () => {
    const user = await apiSignedIn();
    const key = user.token;
    conforms(await http("/api/users/preferences/", { key }), "GET", "/api/users/preferences/", 200);
    conforms(await http("/api/users/preferences/", { method: "PATCH", key, body: { languages_spoken: ["en"], report_language: "ja" } }), "PATCH", "/api/users/preferences/", 200);
    conforms(await http("/api/users/preferences/", { method: "PUT", key, body: { native_language: "xx" } }), "PUT", "/api/users/preferences/", 400);
    conforms(await http("/api/users/preferences/"), "GET", "/api/users/preferences/", 401);
    const guide = await makeUser(db(), { role: "guide" });
    await db().profile.update({ where: { userId: guide.id }, data: { teacherTagline: "Physics for everyone", websiteUrl: "https://grace.example.com" } });
    conforms(await http("/api/users/guides/?limit=5"), "GET", "/api/users/guides/", 200);
    conforms(await http("/api/users/guides/?limit=500"), "GET", "/api/users/guides/", 400);
    conforms(await http(`/api/users/guides/${guide.username}/`), "GET", "/api/users/guides/{username}/", 200);
    conforms(await http(`/api/users/guides/${user.username}/`), "GET", "/api/users/guides/{username}/", 404);
    conforms(await http(`/api/users/search/?q=${guide.username.slice(0, 6)}`, { key }), "GET", "/api/users/search/", 200);
    conforms(await http("/api/users/search/?q=a"), "GET", "/api/users/search/", 401);
  });

  it("deactivate and delete (token: no body), the sign-in code exchange", async () => {
    const a = await apiSignedIn();
    conforms(await http("/api/users/deactivate/", { method: "POST", key: a.token }), "POST", "/api/users/deactivate/", 200);
    const b = await apiSignedIn();
    conforms(await http("/api/users/profile/", { method: "DELETE", key: b.token }), "DELETE", "/api/users/profile/", 200);
    conforms(await http("/api/users/profile/", { method: "DELETE", key: b.token }), "DELETE", "/api/users/profile/", 401);
    conforms(await http("/api/users/magic-link/exchange/", { body: {} }), "POST", "/api/users/magic-link/exchange/", 400);
    conforms(await http("/api/users/magic-link/exchange/", { body: { code: "x".repeat(43) } }), "POST", "/api/users/magic-link/exchange/", 400);
  });

  it("two-factor: set-up, the login's 401 and second step, status, passkey options", async () => {
    const user = await apiSignedIn();
    const key = user.token;
    conforms(await http("/api/users/2fa/", { key }), "GET", "/api/users/2fa/", 200);
    conforms(await http("/api/users/2fa/totp/setup/", { key, body: { password: "Not-the-password-1" } }), "POST", "/api/users/2fa/totp/setup/", 400);
    const setup = await http("/api/users/2fa/totp/setup/", { key, body: { password: user.password } });
    conforms(setup, "POST", "/api/users/2fa/totp/setup/", 200);
    const secret = setup.json!.secret as string;
    conforms(await http("/api/users/2fa/totp/confirm/", { key, body: { code: totpCode(secret) === "000000" ? "111111" : "000000" } }), "POST", "/api/users/2fa/totp/confirm/", 400);
    const confirm = await http("/api/users/2fa/totp/confirm/", { key, body: { code: totpCode(secret) } });
    conforms(confirm, "POST", "/api/users/2fa/totp/confirm/", 200);
    const [recovery] = confirm.json!.recovery_codes as string[];
    const first = await http("/api/users/login/", { body: { username: user.username, password: user.password } });
    conforms(first, "POST", "/api/users/login/", 401);
    const mfa = first.json!.mfa_token as string;
    conforms(await http("/api/users/login/2fa/", { body: { mfa_token: "x".repeat(43), code: recovery } }), "POST", "/api/users/login/2fa/", 400);
    conforms(await http("/api/users/login/2fa/", { body: { mfa_token: mfa, code: recovery } }), "POST", "/api/users/login/2fa/", 200);
    conforms(await http("/api/users/2fa/disable/", { key, body: { password: user.password, code: "000000" } }), "POST", "/api/users/2fa/disable/", 400);
    conforms(await http("/api/users/2fa/passkeys/", { key }), "GET", "/api/users/2fa/passkeys/", 200);
    conforms(await http("/api/users/2fa/passkeys/options/", { method: "POST", key }), "POST", "/api/users/2fa/passkeys/options/", 200);
    conforms(await http("/api/users/2fa/passkeys/999999999/", { method: "DELETE", key }), "DELETE", "/api/users/2fa/passkeys/{id}/", 404);
    conforms(await http("/api/users/login/passkey/options/"), "GET", "/api/users/login/passkey/options/", 200);
    conforms(await http("/api/users/2fa/"), "GET", "/api/users/2fa/", 401);
  });

  it("password reset, magic link, health", async () => {
    const user = await registeredUser();
    conforms(await http("/api/users/password-reset/", { body: { email: user.email } }), "POST", "/api/users/password-reset/", 200);
    conforms(await http("/api/users/password-reset/", { body: { email: "nope" } }), "POST", "/api/users/password-reset/", 400);
    const confirm = { uid: "MQ", token: "x".repeat(43), new_password: "Another-Long-Passw0rd" };
    conforms(await http("/api/users/password-reset/confirm/", { body: confirm }), "POST", "/api/users/password-reset/confirm/", 400);
    conforms(await http("/api/users/magic-link-request/", { body: { email: user.email } }), "POST", "/api/users/magic-link-request/", 200);
    conforms(await http("/api/users/magic-link-request/", { body: {} }), "POST", "/api/users/magic-link-request/", 400);
    const link = await http("/api/users/magic-link-login/MQ/abc/");
    expect(link.status).toBe(302);
    expect(operation("GET", "/api/users/magic-link-login/{uid}/{token}/").responses[302]).toBeDefined();
    conforms(await http("/api/health/live"), "GET", "/api/health/live", 200);
    conforms(await http("/api/health/ready"), "GET", "/api/health/ready", 200);
  });

  it("guide applications", async () => {
    const applicant = await apiSignedIn();
    const staff = await apiSignedIn({ staff: true });
    const body = { motivation: "I teach chemistry.", subjects_to_teach: "Chemistry" };
    conforms(await http("/api/users/guide-application/", { key: applicant.token }), "GET", "/api/users/guide-application/", 404);
    const created = await http("/api/users/guide-application/", { key: applicant.token, body });
    conforms(created, "POST", "/api/users/guide-application/", 201);
    conforms(await http("/api/users/guide-application/", { key: applicant.token, body }), "POST", "/api/users/guide-application/", 400);
    conforms(await http("/api/users/guide-application/", { key: applicant.token, body: { motivation: "" } }), "POST", "/api/users/guide-application/", 400);
    conforms(await http("/api/users/guide-application/", { key: applicant.token }), "GET", "/api/users/guide-application/", 200);
    conforms(await http("/api/users/guide-applications/?status=pending&page_size=5", { key: staff.token }), "GET", "/api/users/guide-applications/", 200);
    conforms(await http("/api/users/guide-applications/?status=maybe", { key: staff.token }), "GET", "/api/users/guide-applications/", 400);
    conforms(await http("/api/users/guide-applications/", { key: applicant.token }), "GET", "/api/users/guide-applications/", 403);
    const id = created.json!.id as number;
    conforms(await http(`/api/users/guide-applications/${id}/approve/`, { method: "POST", key: staff.token }), "POST", "/api/users/guide-applications/{id}/approve/", 200);
    conforms(await http(`/api/users/guide-applications/${id}/reject/`, { key: staff.token, body: { admin_notes: "late" } }), "POST", "/api/users/guide-applications/{id}/reject/", 409);
    conforms(await http(`/api/users/guide-applications/abc/approve/`, { method: "POST", key: staff.token }), "POST", "/api/users/guide-applications/{id}/approve/", 404);
  });

  it("teacher invitations", async () => {
    const inviter = await apiInviter(db());
    const email = freshEmail();
    const sent = await http("/api/users/invitations/send/", { key: inviter.key, body: { invitee_email: email, personal_message: "Join us" } });
    conforms(sent, "POST", "/api/users/invitations/send/", 201);
    conforms(await http("/api/users/invitations/send/", { key: inviter.key, body: { invitee_email: email } }), "POST", "/api/users/invitations/send/", 400);
    conforms(await http("/api/users/invitations/", { key: inviter.key }), "GET", "/api/users/invitations/", 200);
    const outsider = await apiSignedIn();
    conforms(await http("/api/users/invitations/send/", { key: outsider.token, body: { invitee_email: freshEmail() } }), "POST", "/api/users/invitations/send/", 403);

    const invitation = await pendingInvitation(db());
    const accept = "/api/users/invitations/accept/";
    conforms(await http(`${accept}?token=${invitation.token}`), "GET", accept, 200);
    conforms(await http(`${accept}?token=${"z".repeat(43)}`), "GET", accept, 404);
    conforms(await http(accept), "GET", accept, 400);
    const invitee = await memberWithEmail(db(), invitation.email);
    conforms(await http(accept, { key: invitee.key, body: { token: invitation.token } }), "POST", accept, 200);
    conforms(await http(`${accept}?token=${invitation.token}`), "GET", accept, 400);
    conforms(await http(accept, { key: invitee.key, body: { token: invitation.token } }), "POST", accept, 400);

    const id = sent.json!.invitation as { id: number };
    conforms(await http(`/api/users/invitations/${id.id}/cancel/`, { method: "POST", key: outsider.token }), "POST", "/api/users/invitations/{id}/cancel/", 404);
    conforms(await http(`/api/users/invitations/${id.id}/cancel/`, { method: "POST", key: inviter.key }), "POST", "/api/users/invitations/{id}/cancel/", 200);
    conforms(await http(`/api/users/invitations/${id.id}/cancel/`, { method: "POST", key: inviter.key }), "POST", "/api/users/invitations/{id}/cancel/", 400);
  });

  it("the document itself, and the page that shows it", async () => {
    conforms(await http("/api/openapi.json"), "GET", "/api/openapi.json", 200);
    const page = await http("/api-docs");
    expect(page.status).toBe(200);
    for (const op of OPERATIONS) expect(page.text, op.path).toContain(op.path);
  });
});
