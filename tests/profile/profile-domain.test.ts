import { describe, expect, it } from "vitest";
import { DomainError } from "../../lib/errors";
import { logger } from "../../lib/log/logger";
import { registerUser } from "../../lib/users/register";
import { getMyPreferences, patchMyPreferences } from "../../lib/profiles/preferences";
import { searchUsers } from "../../lib/profiles/search-users";
import { getOwnProfile } from "../../lib/users/get-profile";
import { patchOwnProfile } from "../../lib/users/patch-profile";
import { updateOwnProfile } from "../../lib/users/update-profile";
import { newUser, testDb } from "../support/helpers";
import { testContext } from "../support/context";

const quiet = logger.child({}, { level: "silent" });

async function member() {
  const user = await registerUser(newUser({ bio: "Original bio" }), testContext({ log: quiet }));
  return { id: user.id, isStaff: false };
}

describe("updateOwnProfile", () => {
  it("saves display name and bio; blank clears them", async () => {
    const actor = await member();
    await updateOwnProfile({ displayName: "  Ada  ", bio: "Line one\nLine two" }, testContext({ actor, db: testDb(), log: quiet }));
    let profile = await testDb().profile.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(profile).toMatchObject({ displayName: "Ada", bio: "Line one\nLine two" });
    await updateOwnProfile({ displayName: "", bio: "   " }, testContext({ actor, db: testDb(), log: quiet }));
    profile = await testDb().profile.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(profile).toMatchObject({ displayName: null, bio: null });
  });

  it.each([
    [{ displayName: "x".repeat(61), bio: "" }, "displayName", "Display name must be at most 60 characters."],
    [{ displayName: "ok", bio: "x".repeat(5001) }, "bio", "Bio must be at most 5000 characters."],
    [{ displayName: "nul\u0000", bio: "" }, "displayName", "Display name contains a character that is not allowed."],
    [{ displayName: 42, bio: "" }, "displayName", "Display name must be text."],
    [{ displayName: "ok", bio: ["a"] }, "bio", "Bio must be text."],
  ])("refuses %j with a sentence for the field", async (input, field, message) => {
    const actor = await member();
    const err = await updateOwnProfile(input, testContext({ actor, db: testDb(), log: quiet })).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.message).toBe(message);
    expect(err.fields).toEqual({ [field]: message });
    const profile = await testDb().profile.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(profile.bio).toBe("Original bio");
  });

  it("changes only the actor's own profile, and not an inactive account's", async () => {
    const actor = await member();
    const other = await member();
    await updateOwnProfile({ displayName: "Mine", bio: "" }, testContext({ actor, db: testDb(), log: quiet }));
    expect((await testDb().profile.findUniqueOrThrow({ where: { userId: other.id } })).displayName).toBeNull();
    await testDb().user.update({ where: { id: actor.id }, data: { isActive: false } });
    await expect(updateOwnProfile({ displayName: "Later", bio: "" }, testContext({ actor, db: testDb(), log: quiet }))).rejects.toMatchObject({ status: 404 });
  });
});

describe("the profile area's use cases read the acting member from ctx", () => {
  it("an anonymous ctx is the contract's 401 for every 'my own' use case; a member's ctx reads their own rows", async () => {
    const anonymous = testContext({ db: testDb(), log: quiet });
    const calls: [string, () => Promise<unknown>][] = [
      ["getOwnProfile", () => getOwnProfile({}, anonymous)],
      ["updateOwnProfile", () => updateOwnProfile({ displayName: "x", bio: "" }, anonymous)],
      ["patchOwnProfile", () => patchOwnProfile({ display_name: "x" }, anonymous)],
      ["getMyPreferences", () => getMyPreferences({}, anonymous)],
      ["patchMyPreferences", () => patchMyPreferences({ location: "x" }, anonymous)],
      ["searchUsers", () => searchUsers({ q: "a" }, anonymous)],
    ];
    for (const [name, call] of calls) {
      expect([name, await call().catch((e: DomainError) => e.status)]).toEqual([name, 401]);
    }
    const actor = await member();
    const own = testContext({ actor, db: testDb(), log: quiet });
    expect((await getOwnProfile({}, own)).id).toBe(actor.id);
    expect((await patchMyPreferences({ location: "Osaka" }, own)).location).toBe("Osaka");
    expect((await getMyPreferences({}, own)).location).toBe("Osaka");
  });
});
