import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { apiCall, apiLogin, registeredUser } from "../support/auth";
import { postRegister, STRONG_PASSWORD, testDb, uniq } from "../support/helpers";

const exec = promisify(execFile);

function withoutAdminPassword() {
  const { ADMIN_PASSWORD: _unused, ...rest } = process.env;
  return rest;
}

/** Runs `npm run manage -- …` (tsx scripts/manage.ts) against the test database. */
async function manage(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/manage.ts", ...args], {
      env: { ...withoutAdminPassword(), DATABASE_URL: inject("databaseUrl"), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run manage", () => {
  it("--help lists every command; no command is a usage error", async () => {
    const help = await manage(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["create-staff", "user", "set-active", "grant-invite"]) expect(help.stdout).toContain(command);
    expect((await manage([])).code).toBe(2);
    const unknown = await manage(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const commandHelp = await manage(["set-active", "--help"]);
    expect(commandHelp.code).toBe(0);
    expect(commandHelp.stdout).toContain("set-active <username|email> true|false");
  });

  it("create-staff --superuser makes a staff member who may grant staff (issue 14)", async () => {
    const username = uniq("root");
    const created = await manage(["create-staff", "--superuser", "--username", username, "--email", `${username}@example.com`], { ADMIN_PASSWORD: STRONG_PASSWORD });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`Created superuser ${username} \\(id \\d+\\)`));
    expect(await testDb().user.findFirstOrThrow({ where: { username }, select: { isStaff: true, isSuperuser: true } })).toEqual({ isStaff: true, isSuperuser: true });
  });

  it("create-staff takes the password from ADMIN_PASSWORD, applies the sign-up rules, and the staff member can sign in", async () => {
    const username = uniq("staff");
    const created = await manage(["create-staff", "--username", username, "--email", `${username}@Example.COM`], { ADMIN_PASSWORD: STRONG_PASSWORD });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`Created staff user ${username} \\(id \\d+\\)`));
    const saved = await testDb().user.findFirstOrThrow({ where: { username }, include: { profile: true } });
    expect(saved).toMatchObject({ isStaff: true, isSuperuser: false, isActive: true, email: `${username}@example.com` });
    expect(saved.profile?.role).toBe("explorer");
    expect(created.stdout + created.stderr).not.toContain(STRONG_PASSWORD);

    const login = await apiLogin({ username, password: STRONG_PASSWORD });
    expect(login.status).toBe(200);
    const profile = await apiCall("/api/users/profile/", { token: login.json!.token as string });
    expect(profile.json?.is_staff).toBe(true);

    const again = await manage(["create-staff", "--username", username.toUpperCase(), "--email", `${uniq("x")}@example.com`], { ADMIN_PASSWORD: STRONG_PASSWORD });
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe("Username already taken.");
    const weak = await manage(["create-staff", "--username", uniq("staff"), "--email", `${uniq("x")}@example.com`], { ADMIN_PASSWORD: "12345678" });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("This password is too common.");
    const missing = await manage(["create-staff", "--username", uniq("staff")], { ADMIN_PASSWORD: STRONG_PASSWORD });
    expect(missing.code).toBe(2);
  });

  it("create-staff without ADMIN_PASSWORD and without a terminal says what to do", async () => {
    const res = await manage(["create-staff", "--username", uniq("staff"), "--email", `${uniq("x")}@example.com`]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("set ADMIN_PASSWORD");
  });

  it("user <username|email|latest> prints the user, whether they have a profile, and the role", async () => {
    const user = await registeredUser({ role: "guide" });
    const byName = await manage(["user", user.username]);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(new RegExp(`username:\\s+${user.username}`));
    expect(byName.stdout).toMatch(/has profile:\s+yes/);
    expect(byName.stdout).toMatch(/role:\s+guide/);
    expect(byName.stdout).not.toContain("argon2");

    const byEmail = await manage(["user", user.email.toUpperCase(), "--json"]);
    expect(JSON.parse(byEmail.stdout)).toMatchObject({ username: user.username, hasProfile: true, role: "guide", isActive: true });
    expect(byEmail.stdout).not.toContain("passwordHash");

    const latest = await registeredUser({ role: "both" });
    const last = await manage(["user", "latest"]);
    // Tests run in parallel: "latest" is whoever joined last, at least as new as ours.
    expect(last.code).toBe(0);
    expect(last.stdout).toMatch(/has profile:\s+yes/);
    const latestId = Number(/id:\s+(\d+)/.exec(last.stdout)?.[1]);
    const ours = await testDb().user.findFirstOrThrow({ where: { username: latest.username } });
    expect(latestId).toBeGreaterThanOrEqual(ours.id);

    const none = await manage(["user", uniq("nobody")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No user has the username or email/);
  });

  it("a name resolves to the one account it identifies, even after someone tried to take a user's email as a username (review M3)", async () => {
    const victim = await registeredUser();
    const squat = await postRegister({ username: victim.email, email: `${uniq("squat")}@example.com`, password: STRONG_PASSWORD });
    expect(squat.status).toBe(400);
    const shown = await manage(["user", victim.email.toUpperCase(), "--json"]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ username: victim.username, email: victim.email });
    const grant = await manage(["grant-invite", victim.email, "true"]);
    expect(grant.stdout.trim()).toBe(`${victim.username} can now invite teachers.`);
  });

  it("set-active false stops sign-in and revokes the API token; true restores sign-in", async () => {
    const user = await registeredUser();
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    const off = await manage(["set-active", user.email, "false"]);
    expect(off.code).toBe(0);
    expect(off.stdout.trim()).toBe(`${user.username} is now inactive.`);
    expect((await apiCall("/api/users/profile/", { token })).status).toBe(401);
    expect((await apiLogin({ username: user.username, password: user.password })).json).toEqual({ error: "Invalid credentials" });

    const on = await manage(["set-active", user.username, "true"]);
    expect(on.code).toBe(0);
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(200);
    // The revoked token stays revoked.
    expect((await apiCall("/api/users/profile/", { token })).status).toBe(401);
    // Audited as the system (the operator is not a user).
    const saved = await testDb().user.findFirstOrThrow({ where: { username: user.username } });
    const audit = await testDb().auditLog.findMany({ where: { targetType: "User", targetId: saved.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.notes])).toEqual([
      ["user.deactivated", null, "Operator console: set-active"],
      ["user.activated", null, "Operator console: set-active"],
    ]);
  });

  it("--reason goes into the audit row; a blank one is refused like on the staff pages", async () => {
    const user = await registeredUser();
    const grant = await manage(["grant-invite", user.username, "true", "--reason", "Head of languages"]);
    expect(grant.code).toBe(0);
    const saved = await testDb().user.findFirstOrThrow({ where: { username: user.username } });
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { targetType: "User", targetId: saved.id, action: "profile.invite_permission_granted" } });
    expect(audit.notes).toBe("Head of languages");
    const blank = await manage(["set-active", user.username, "false", "--reason", "  "]);
    expect(blank.code).toBe(1);
    expect(blank.stderr.trim()).toBe("Give a reason: it goes into the audit log.");
  });

  it("create-staff --verified gives the new staff member a proven address (they may invite at once)", async () => {
    const username = uniq("staff");
    const created = await manage(["create-staff", "--verified", "--username", username, "--email", `${username}@example.com`], { ADMIN_PASSWORD: STRONG_PASSWORD });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`Created staff user ${username} \\(id \\d+\\), email address verified\\.`));
    const saved = await testDb().user.findFirstOrThrow({ where: { username }, select: { id: true, emailVerifiedAt: true } });
    expect(saved.emailVerifiedAt).not.toBeNull();
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { targetType: "User", targetId: saved.id, action: "user.staff_created" } });
    expect(audit.details).toEqual({ via: "cli", superuser: false, verified: true });
    const plain = uniq("staff");
    expect((await manage(["create-staff", "--username", plain, "--email", `${plain}@example.com`], { ADMIN_PASSWORD: STRONG_PASSWORD })).code).toBe(0);
    expect((await testDb().user.findFirstOrThrow({ where: { username: plain } })).emailVerifiedAt).toBeNull();
  });

  it("grant-invite sets canInviteTeachers", async () => {
    const user = await registeredUser();
    const grant = await manage(["grant-invite", user.username, "true"]);
    expect(grant.code).toBe(0);
    expect(grant.stdout.trim()).toBe(`${user.username} can now invite teachers.`);
    const profile = await testDb().profile.findFirstOrThrow({ where: { user: { username: user.username } } });
    expect(profile.canInviteTeachers).toBe(true);
    expect((await manage(["grant-invite", user.username, "false"])).code).toBe(0);
    const after = await testDb().profile.findFirstOrThrow({ where: { user: { username: user.username } } });
    expect(after.canInviteTeachers).toBe(false);
  });

  it("refuses bad arguments with a sentence and a non-zero exit code", async () => {
    const user = await registeredUser();
    const notBool = await manage(["grant-invite", user.username, "yes"]);
    expect(notBool.code).toBe(1);
    expect(notBool.stderr.trim()).toBe("Can invite teachers must be true or false.");
    const tooFew = await manage(["set-active", user.username]);
    expect(tooFew.code).toBe(2);
    const unknownOption = await manage(["user", user.username, "--frob"]);
    expect(unknownOption.code).toBe(2);
  });
});
