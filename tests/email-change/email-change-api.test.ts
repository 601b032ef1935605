import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../../app/api/openapi.json/operations";
import { replySchema } from "../../lib/http/contract";
import { apiCall, apiLogin, apiSignedIn } from "../support/auth";
import { http, testDb, uniq, type JsonResponse } from "../support/helpers";
import { emailCount, mailedLink } from "../support/links";

// The email change for API clients (a mobile app, scripts): ask with a token, press the
// new address's link, undo from the old address's notice. The same use cases as the pages.

const ASK = "/api/users/email-change/";
const CONFIRM = "/api/users/email-change/confirm/";
const UNDO = "/api/users/email-change/undo/";
const fresh = () => `${uniq("api-moved")}@example.org`;
const db = () => testDb();

/** The answer has this status and parses with the schema the contract documents for it. */
function conforms(res: JsonResponse, path: string, status: number) {
  expect(res.status, res.text).toBe(status);
  const op = OPERATIONS.find((o) => o.method === "POST" && o.path === path)!;
  const parsed = replySchema(op, status)!.safeParse(JSON.parse(res.text));
  expect(parsed.success, `${path} ${status}: ${res.text}`).toBe(true);
}

describe("the email change over the JSON API", () => {
  it("ask with a token, confirm with the new address's link, undo with the old address's link", async () => {
    const user = await apiSignedIn();
    const to = fresh();
    const asked = await http(ASK, { key: user.token, body: { new_email: to, password: user.password } });
    conforms(asked, ASK, 200);
    expect(asked.json).toEqual({
      message: "We sent a link to the new address. Open it to confirm; until then your email address stays the same.",
      sent_to: to,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const link = await mailedLink(db(), to, "email_change.link");
    const confirmed = await http(CONFIRM, { body: { uid: link.uid, token: link.token } });
    conforms(confirmed, CONFIRM, 200);
    expect(confirmed.json).toEqual({ message: "Your email address has been changed.", email: to });
    // The token that asked is still signed in: the person changing the address is the owner.
    expect((await apiCall("/api/users/profile/", { token: user.token })).json).toMatchObject({ email: to });
    const again = await http(CONFIRM, { body: { uid: link.uid, token: link.token } });
    conforms(again, CONFIRM, 400);
    expect(again.json).toEqual({ error: "This email change link is invalid or has expired." });

    const undo = await mailedLink(db(), user.email, "email.changed.notice");
    const undone = await http(UNDO, { body: { uid: undo.uid, token: undo.token } });
    conforms(undone, UNDO, 200);
    expect(undone.json).toMatchObject({ email: user.email });
    expect((await apiCall("/api/users/profile/", { token: user.token })).status).toBe(401);
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(400);
    expect(await emailCount(db(), user.email, "email_change.undone.reset_link")).toBe(1);
    conforms(await http(UNDO, { body: { uid: undo.uid, token: undo.token } }), UNDO, 400);
  });

  it("refusals: fields in DRF's shape, 401 without credentials, 400 for any malformed body, never a 500", async () => {
    const user = await apiSignedIn();
    const other = await apiSignedIn();
    const wrong = await http(ASK, { key: user.token, body: { new_email: fresh(), password: "Wrong-password-9" } });
    conforms(wrong, ASK, 400);
    expect(wrong.json).toEqual({ password: ["Password is incorrect."] });
    const taken = await http(ASK, { key: user.token, body: { new_email: other.email.toUpperCase(), password: user.password } });
    expect(taken.json).toEqual({ new_email: ["Email already registered."] });
    const missing = await http(ASK, { key: user.token, body: {} });
    conforms(missing, ASK, 400);
    expect(Object.keys(missing.json!).sort()).toEqual(["new_email", "password"]);
    conforms(await http(ASK, { body: { new_email: fresh(), password: user.password } }), ASK, 401);
    for (const body of ["[]", "null", '"x"', "{", '{"new_email": 42, "password": []}']) {
      const res = await http(ASK, { key: user.token, body });
      expect(res.status, body).toBe(400);
    }
    for (const path of [CONFIRM, UNDO]) {
      for (const body of ["", "[]", "null", "{", '{"uid": 1, "token": {}}', JSON.stringify({ uid: "MTI", token: "A".repeat(43) })]) {
        const res = await http(path, { body, headers: { "content-type": "application/json" } });
        conforms(res, path, 400);
      }
    }
    expect(await db().emailChange.count({ where: { userId: user.id } })).toBe(0);
  });
});
