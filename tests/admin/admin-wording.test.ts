import { describe, expect, it } from "vitest";
import { countOf } from "../../lib/admin/plural";
import { listAuditLog } from "../../lib/audit/list";
import { describeAction, describeDetails, describeTargetType, knownAuditActions, KNOWN_AUDIT_ACTIONS } from "../../lib/audit/wording";
import { translateDomainSentence } from "../../lib/i18n/domain-message";
import { refusal, testDb, uniq } from "../support/helpers";
import { makeStaff, makeUser } from "../support/teach";
import { testContext } from "../support/context";

// Staff views written for people (issue 21 point 5): the audit log's words, its details as
// labelled values, filters by username; numbers with words that agree.

describe("audit wording", () => {
  it("every action the code records reads as words, not a code", () => {
    expect(describeAction("guide_application.approved")).toBe("Approved guide application");
    expect(describeAction("user.deactivated")).toBe("Deactivated account");
    expect(describeAction("session.revoked_all")).toBe("Signed out everywhere");
    expect(describeAction("profile.invite_permission_granted")).toBe("Allowed to invite teachers");
    // One added later without words still reads as words.
    expect(describeAction("passkey.added_again")).toBe("Passkey added again");
    expect(describeTargetType("TeacherInvitation")).toBe("Teacher invitation");
    expect(describeTargetType("User")).toBe("Member");
  });

  it("details are labelled values: booleans as Yes/No, nested objects flattened, no JSON", () => {
    expect(describeDetails({ changed: true, sessions: 2, tokens: 0 })).toEqual([
      ["Changed anything", "Yes"],
      ["Sessions ended", "2"],
      ["API tokens ended", "0"],
    ]);
    expect(describeDetails({ byStaff: false, via: "cli" })).toEqual([
      ["By staff", "No"],
      ["How", "the console"],
    ]);
    expect(describeDetails({ until: "2026-12-06T21:05:00.000Z" })).toEqual([["Until", "2026-12-06 21:05 UTC"]]);
    const nested = describeDetails({ profile: { role: "guide", activeGuide: true } });
    expect(nested).toEqual([["Profile", "Role: guide; Active guide: Yes"]]);
    expect(JSON.stringify(nested)).not.toMatch(/[{}]/);
    expect(describeDetails(null)).toEqual([]);
  });

  it("says the same in Japanese when asked (issue 23), English stays the default for the CSV and the API", () => {
    expect(describeAction("user.deactivated", "ja")).toBe("アカウントを無効にしました");
    expect(describeAction("session.revoked_all", "ja")).toBe("すべての端末からログアウトしました");
    expect(describeTargetType("User", "ja")).toBe("会員");
    expect(describeDetails({ changed: true, via: "cli" }, "ja")).toEqual([
      ["変更の有無", "はい"],
      ["方法", "コンソール"],
    ]);
    // Every known action has Japanese words of its own, none left as the English text.
    const ja = knownAuditActions("ja");
    expect(ja.map(([code]) => code)).toEqual(KNOWN_AUDIT_ACTIONS.map(([code]) => code));
    for (const [i, [code, words]] of ja.entries()) expect(words, code).not.toBe(KNOWN_AUDIT_ACTIONS[i][1]);
    // A code added later still reads as words, in any language.
    expect(describeAction("passkey.added_again", "ja")).toBe("Passkey added again");
  });

  it("the staff actions' English outcomes and refusals read in Japanese on the pages, numbers kept", () => {
    expect(translateDomainSentence("alice was signed out of 1 session.", "ja")).toBe("aliceさんを1件のセッションからログアウトさせました。");
    expect(translateDomainSentence("alice was signed out of 3 sessions.", "ja")).toBe("aliceさんを3件のセッションからログアウトさせました。");
    expect(translateDomainSentence("alice's email is now marked verified.", "ja")).toBe("aliceさんのメールアドレスを確認済みにしました。");
    expect(translateDomainSentence("Only a superuser can give or remove staff access.", "ja")).toBe("スタッフ権限の付与と解除ができるのはスーパーユーザーだけです。");
    expect(translateDomainSentence("You cannot deactivate your own account.", "ja")).toBe("自分のアカウントを無効にすることはできません。");
    expect(translateDomainSentence("alice was signed out of 3 sessions.", "en")).toBe("alice was signed out of 3 sessions.");
  });

  it("counts agree with their words", () => {
    expect(countOf(1, "verified email", "verified emails")).toBe("1 verified email");
    expect(countOf(0, "verified email", "verified emails")).toBe("0 verified emails");
    expect(countOf(2, "pending guide application", "pending guide applications")).toBe("2 pending guide applications");
    expect(countOf(1, "member matches", "members match")).toBe("1 member matches");
  });
});

describe("listAuditLog by username", () => {
  it("filters by who acted and whom it was about, by username in any case; names the member it was about", async () => {
    const db = testDb();
    const [staff, member, other] = [await makeStaff(db), await makeUser(db), await makeUser(db)];
    const action = `test.${uniq("w").replace(/[^a-z_]/g, "_")}`;
    await db.auditLog.create({ data: { actorId: staff.id, action, targetType: "User", targetId: member.id, notes: "about member" } });
    await db.auditLog.create({ data: { actorId: staff.id, action, targetType: "User", targetId: other.id, notes: "about other" } });
    await db.auditLog.create({ data: { actorId: member.id, action, targetType: "User", targetId: member.id, notes: "by member" } });

    const byStaff = await listAuditLog({ action, who: staff.username.toUpperCase() }, testContext({ actor: staff, db }));
    expect(byStaff.items.map((e) => e.notes)).toEqual(["about other", "about member"]);
    const aboutMember = await listAuditLog({ action, about: member.username }, testContext({ actor: staff, db }));
    expect(aboutMember.items.map((e) => e.notes)).toEqual(["by member", "about member"]);
    expect(aboutMember.items[0].target).toEqual({ type: "User", id: member.id, username: member.username });

    expect(await refusal(listAuditLog({ who: `${uniq("nobody")}` }, testContext({ actor: staff, db })))).toMatchObject({ status: 400, message: expect.stringMatching(/^Who: no member has the username or email/) });
  });
});
