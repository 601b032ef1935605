import { describe, expect, it } from "vitest";
import { apiSignedIn } from "../support/auth";
import { http, withPg } from "../support/helpers";

// PUT/PATCH /api/users/profile/ (issue 10 point 5).

describe("PUT and PATCH /api/users/profile/", () => {
  it.each(["PUT", "PATCH"])("%s changes the given fields and answers the profile as GET does", async (method) => {
    const user = await apiSignedIn();
    const res = await http("/api/users/profile/", { method, key: user.token, body: { display_name: "  Ada  ", first_name: "Ada", last_name: "Lovelace" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ username: user.username, display_name: "Ada", first_name: "Ada", last_name: "Lovelace", bio: "" });
    const get = await http("/api/users/profile/", { key: user.token });
    expect(get.json).toEqual(res.json);
    const partial = await http("/api/users/profile/", { method, key: user.token, body: { bio: "Maths and tea." } });
    expect(partial.json).toMatchObject({ display_name: "Ada", first_name: "Ada", bio: "Maths and tea." });
    const cleared = await http("/api/users/profile/", { method, key: user.token, body: { first_name: "" } });
    expect(cleared.json).toMatchObject({ first_name: "", last_name: "Lovelace" });
  });

  it.each(["role", "active_guide", "can_invite_teachers", "is_staff"])("400 naming %s, which is read-only; nothing changes", async (field) => {
    const user = await apiSignedIn();
    const value = field === "role" ? "guide" : true;
    const res = await http("/api/users/profile/", { method: "PATCH", key: user.token, body: { display_name: "X", [field]: value } });
    expect(res.status).toBe(400);
    expect(res.json!.detail).toBe(`${field} is read-only.`);
    const row = await withPg((c) =>
      c.query(`SELECT p.role, p."activeGuide", p."displayName", u."isStaff" FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.id = $1`, [user.id]),
    );
    expect(row.rows[0]).toEqual({ role: "explorer", activeGuide: false, displayName: null, isStaff: false });
  });

  it.each([
    ["an array", [1]],
    ["a string", '"x"'],
    ["a number field", { bio: 5 }],
    ["a too long name", { first_name: "a".repeat(151) }],
    ["a NUL byte", { last_name: "a\u0000b" }],
  ])("bad body, %s: 400 with one sentence", async (_name, body) => {
    const user = await apiSignedIn();
    const res = await http("/api/users/profile/", { method: "PUT", key: user.token, body });
    expect(res.status).toBe(400);
    expect(typeof res.json!.detail).toBe("string");
  });

  it("401 without credentials", async () => {
    expect((await http("/api/users/profile/", { method: "PATCH", body: { bio: "x" } })).status).toBe(401);
  });
});
