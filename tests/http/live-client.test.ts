import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiLogin, registeredUser } from "../support/auth";
import { GOOGLE_TEST_CLIENT, startFakeGoogle, type FakeGoogle } from "../support/google";
import { baseUrl, http, newUser, testDb, uniq } from "../support/helpers";
import { IMAGES, form, sendForm } from "../support/images";
import { apiInviter, freshEmail, pendingInvitation } from "../support/invite";
import { mailedLink } from "../support/links";
import { startTestServer, type TestServer } from "../support/stack";

// Issue 22 point 3: a replay of every account call the live next-frontend makes (review
// real-client-2026-12-06.md §2, rows A1–A27), each reading exactly the fields its code
// reads, with the body it sends. The frontend sends `Authorization: Token <key>` on every
// call and paths with a trailing slash.

const db = () => testDb();
const PASSWORD = "SecurePass123!";

/** What AuthContext keeps as `user` after a sign-in: the login answer, then the profile GET. */
async function liveUser() {
  const user = await registeredUser();
  const login = await apiLogin({ username: user.username, password: user.password });
  expect(login.status).toBe(200);
  return { ...user, id: login.json!.id as number, token: login.json!.token as string };
}

const get = (path: string, token?: string) => http(path, { key: token });
const send = (path: string, method: string, token: string | undefined, body: unknown) => http(path, { method, key: token, body });

let fakeGoogle: FakeGoogle;
let googleServer: TestServer;

beforeAll(async () => {
  fakeGoogle = await startFakeGoogle();
  googleServer = await startTestServer(inject("databaseUrl"), { GOOGLE_CLIENT_ID: GOOGLE_TEST_CLIENT, GOOGLE_JWKS_URL: fakeGoogle.jwksUrl });
});

afterAll(async () => {
  await googleServer?.stop();
  await fakeGoogle?.stop();
});

describe("the live next-frontend's account calls (review §2)", () => {
  it("A1 POST /users/register/ {username, email, password, role, bio}: 201", async () => {
    const u = newUser({ role: "guide", bio: "I teach." });
    const res = await http("/api/users/register/", { body: u });
    expect(res.status).toBe(201);
  });

  it("A2 POST /users/login/: data.token, then user.locale, role, active_guide, username (and user_id, profile_image_url, preferences kept as `user`)", async () => {
    const user = await registeredUser();
    const { status, json } = await apiLogin({ username: user.username, password: user.password });
    expect(status).toBe(200);
    expect(json!.token).toEqual(expect.any(String));
    expect(json!.locale).toBe("en");
    expect(json!.role).toBe("explorer");
    expect(json!.active_guide).toBe(false);
    expect(json!.username).toBe(user.username);
    expect(json!.user_id).toBe(json!.id);
    expect(json!.profile_image_url).toBeNull();
    expect(json!.preferences).toMatchObject({ languages_spoken: [], location: null });
  });

  it("A3 POST /users/google-login/ {token}: data.user and data.token", async () => {
    const email = `${uniq("g")}@gmail.example`;
    const res = await http("/api/users/google-login/", { base: googleServer.baseUrl, body: { token: await fakeGoogle.idToken({ email }) } });
    expect(res.status).toBe(200);
    expect(res.json!.user).toMatchObject({ email, username: expect.any(String), role: "explorer", active_guide: false });
    expect(res.json!.token).toEqual(expect.any(String));
  });

  it("A4 POST /users/magic-link-request/ {email}: 200", async () => {
    const user = await registeredUser();
    expect((await http("/api/users/magic-link-request/", { body: { email: user.email } })).status).toBe(200);
  });

  it("A5 GET /users/profile/: every field Profile.js, AuthContext and the header read", async () => {
    const user = await liveUser();
    const { status, json: p } = await get("/api/users/profile/", user.token);
    expect(status).toBe(200);
    expect(p).toMatchObject({
      email: user.email,
      display_name: "",
      locale: "en",
      teacher_about: null,
      teaching_specialties: null,
      website_url: null,
      linkedin_url: null,
      twitter_url: null,
      username: user.username,
      bio: "",
      role: "explorer",
      is_staff: false,
      profile_image_url: null,
      user_id: user.id,
      first_name: "",
      active_guide: false,
      id: user.id,
    });
    for (const n of [1, 2, 3]) {
      expect(p![`showcase_image_${n}_url`]).toBeNull();
      expect(p![`showcase_image_${n}_caption`]).toBeNull();
      expect(p![`showcase_image_${n}_tags`]).toEqual([]);
    }
    expect(Number.isNaN(new Date(p!.date_joined as string).getTime())).toBe(false);
  });

  it("A6 PUT /users/profile/ {display_name}: stored (read back by the refetch)", async () => {
    const user = await liveUser();
    expect((await send("/api/users/profile/", "PUT", user.token, { display_name: "Ada L." })).status).toBe(200);
    expect((await get("/api/users/profile/", user.token)).json!.display_name).toBe("Ada L.");
  });

  it("A7 PUT /users/profile/ {bio}: stored; blank clears", async () => {
    const user = await liveUser();
    await send("/api/users/profile/", "PUT", user.token, { bio: "Maths." });
    expect((await get("/api/users/profile/", user.token)).json!.bio).toBe("Maths.");
    await send("/api/users/profile/", "PUT", user.token, { bio: "" });
    expect((await get("/api/users/profile/", user.token)).json!.bio).toBe("");
  });

  it("A8 PUT /users/profile/ {email}: refused by name (the live app answered 200 and changed nothing)", async () => {
    const user = await liveUser();
    const res = await send("/api/users/profile/", "PUT", user.token, { email: "other@example.com" });
    expect(res).toMatchObject({ status: 400, json: { detail: "email is read-only." } });
    expect((await get("/api/users/profile/", user.token)).json!.email).toBe(user.email);
  });

  it("A9 PUT /users/profile/ multipart profile_image: stored, profile_image_url loads it", async () => {
    const user = await liveUser();
    const res = await sendForm(baseUrl(), "/api/users/profile/", user.token, form({ profile_image: { bytes: IMAGES.png, name: "me.png" } }));
    expect(res.status).toBe(200);
    const url = (await get("/api/users/profile/", user.token)).json!.profile_image_url as string;
    expect(url.startsWith(`${baseUrl()}/media/user_${user.id}/profile_image/`)).toBe(true);
    const image = await fetch(url);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(IMAGES.png)).toBe(true);
  });

  it("A10 PUT /users/profile/ teacher fields: stored and answered", async () => {
    const user = await liveUser();
    const fields = {
      teacher_about: "十年間、英語を教えています。",
      website_url: "https://ada.example.com",
      linkedin_url: "https://www.linkedin.com/in/ada",
      twitter_url: "https://twitter.com/ada",
      teaching_specialties: "TOEIC, Business English",
    };
    const res = await send("/api/users/profile/", "PUT", user.token, fields);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject(fields);
    expect((await get("/api/users/profile/", user.token)).json).toMatchObject(fields);
  });

  it("A11 PUT /users/profile/ multipart showcase_image_N: showcase_image_N_url; an empty value deletes", async () => {
    const user = await liveUser();
    const up = await sendForm(baseUrl(), "/api/users/profile/", user.token, form({ showcase_image_2: { bytes: IMAGES.webp, name: "class.webp", type: "image/webp" } }));
    expect(up.status).toBe(200);
    const url = up.json!.showcase_image_2_url as string;
    expect(url).toMatch(/\/media\/user_\d+\/showcase\/[0-9a-f-]{36}\.webp$/);
    expect((await fetch(url)).status).toBe(200);
    const removed = await sendForm(baseUrl(), "/api/users/profile/", user.token, form({ showcase_image_2: "" }));
    expect(removed.status).toBe(200);
    expect(removed.json!.showcase_image_2_url).toBeNull();
    expect((await fetch(url)).status).toBe(404);
  });

  it("A12 PATCH /users/profile/ caption, then tags: the whole answer carries them", async () => {
    const user = await liveUser();
    const caption = await send("/api/users/profile/", "PATCH", user.token, { showcase_image_1_caption: "Class of 2025" });
    expect(caption.json!.showcase_image_1_caption).toBe("Class of 2025");
    const tags = await send("/api/users/profile/", "PATCH", user.token, { showcase_image_1_tags: [7, 3, 7] });
    expect(tags.json).toMatchObject({ showcase_image_1_caption: "Class of 2025", showcase_image_1_tags: [7, 3] });
  });

  it("A13 PATCH /users/profile/ {email_notifications, mail_magazine_enabled, profile_visibility}: the first two stored, the third ignored", async () => {
    const user = await liveUser();
    const res = await send("/api/users/profile/", "PATCH", user.token, { email_notifications: false, mail_magazine_enabled: false, profile_visibility: "private" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email_notifications: false, mail_magazine_enabled: false });
    expect(res.json).not.toHaveProperty("profile_visibility");
    const row = await db().profile.findUniqueOrThrow({ where: { userId: user.id } });
    expect([row.emailNotifications, row.mailMagazineEnabled]).toEqual([false, false]);
  });

  it("A14 PATCH /users/profile/ {locale}: kept, and the next sign-in answers it", async () => {
    const user = await liveUser();
    expect((await send("/api/users/profile/", "PATCH", user.token, { locale: "ja" })).status).toBe(200);
    expect((await get("/api/users/profile/", user.token)).json!.locale).toBe("ja");
    expect((await apiLogin({ username: user.username, password: user.password })).json!.locale).toBe("ja");
    expect((await send("/api/users/profile/", "PATCH", user.token, { locale: "fr" })).status).toBe(400);
  });

  it("A15 DELETE /users/profile/: 200", async () => {
    const user = await liveUser();
    expect((await send("/api/users/profile/", "DELETE", user.token, undefined)).status).toBe(200);
  });

  it("A16 POST /users/deactivate/ {reason}: 200", async () => {
    const user = await liveUser();
    expect((await send("/api/users/deactivate/", "POST", user.token, { reason: "taking a break" })).status).toBe(200);
  });

  it("A17 POST /users/change-password/ {current_password, new_password, confirm_new_password}: 200", async () => {
    const user = await liveUser();
    const body = { current_password: PASSWORD, new_password: "Fresh-Garden-42", confirm_new_password: "Fresh-Garden-42" };
    expect((await send("/api/users/change-password/", "POST", user.token, body)).status).toBe(200);
  });

  it("A18 POST /users/password-reset/ {email}: 200", async () => {
    const user = await registeredUser();
    expect((await http("/api/users/password-reset/", { body: { email: user.email } })).status).toBe(200);
  });

  it("A19 POST /users/password-reset/confirm/ {uid, token, new_password}: 200", async () => {
    const user = await registeredUser();
    await http("/api/users/password-reset/", { body: { email: user.email } });
    const link = await mailedLink(db(), user.email, "password_reset.requested");
    const res = await http("/api/users/password-reset/confirm/", { body: { uid: link.uid, token: link.token, new_password: "Fresh-Garden-42" } });
    expect(res.status).toBe(200);
  });

  it("A20 POST /users/logout/ {}: 200", async () => {
    const user = await liveUser();
    expect((await send("/api/users/logout/", "POST", user.token, {})).status).toBe(200);
  });

  it("A21 POST /users/session/heartbeat/ {}: last_heartbeat_at", async () => {
    const user = await liveUser();
    const res = await send("/api/users/session/heartbeat/", "POST", user.token, {});
    expect(Number.isNaN(Date.parse(res.json!.last_heartbeat_at as string))).toBe(false);
  });

  it("A22 GET /users/invitations/: invitations[] (id, invitee_email, status, created_at, is_expired), remaining_this_month, can_invite", async () => {
    const inviter = await apiInviter(db());
    const inv = await pendingInvitation(db(), { inviter });
    const { json } = await get("/api/users/invitations/", inviter.key);
    const [first] = json!.invitations as Record<string, unknown>[];
    expect(first).toMatchObject({ id: inv.id, invitee_email: inv.email, status: "pending", created_at: expect.any(String), is_expired: false });
    expect(json!.remaining_this_month).toBe(2);
    expect(json!.can_invite).toBe(true);
  });

  it("A23 POST /users/invitations/send/ {invitee_email, personal_message}: 201 with remaining_invitations (the frontend's remaining_invitations_this_month exists in neither backend)", async () => {
    const inviter = await apiInviter(db());
    const res = await send("/api/users/invitations/send/", "POST", inviter.key, { invitee_email: freshEmail(), personal_message: "Join us" });
    expect(res.status).toBe(201);
    expect(res.json!.remaining_invitations).toBe(2);
  });

  it("A24 POST /users/invitations/<id>/cancel/: 200", async () => {
    const inviter = await apiInviter(db());
    const inv = await pendingInvitation(db(), { inviter });
    expect((await send(`/api/users/invitations/${inv.id}/cancel/`, "POST", inviter.key, undefined)).status).toBe(200);
  });

  it("A25 GET /users/invitations/accept/?token=: data.invitation.invitee_email and data.inviter_name", async () => {
    const inviter = await apiInviter(db());
    await db().profile.update({ where: { userId: inviter.id }, data: { displayName: "Carol K." } });
    const inv = await pendingInvitation(db(), { inviter });
    const { status, json } = await get(`/api/users/invitations/accept/?token=${inv.token}`);
    expect(status).toBe(200);
    expect((json!.invitation as Record<string, unknown>).invitee_email).toBe(inv.email);
    expect(json!.inviter_name).toBe("Carol K.");
  });

  it("A26 POST /users/invitations/accept/ {token} with the new account's token, right after register + login: 200", async () => {
    const inv = await pendingInvitation(db());
    const u = newUser({ email: inv.email, role: "guide" });
    expect((await http("/api/users/register/", { body: u })).status).toBe(201);
    const token = (await apiLogin({ username: u.username, password: u.password })).json!.token as string;
    expect((await send("/api/users/invitations/accept/", "POST", token, { token: inv.token })).status).toBe(200);
  });

  it("A27 POST /users/guide-application/ {motivation, experience, subjects_to_teach}: 201", async () => {
    const user = await liveUser();
    const res = await send("/api/users/guide-application/", "POST", user.token, { motivation: "I love teaching.", experience: "5 years", subjects_to_teach: "Maths" });
    expect(res.status).toBe(201);
  });
});
