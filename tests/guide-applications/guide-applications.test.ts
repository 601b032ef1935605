import { describe, expect, it } from "vitest";
import { approveGuideApplication } from "../../lib/guide-applications/approve";
import { getGuideApplication, getMyLatestGuideApplication, listGuideApplications } from "../../lib/guide-applications/list";
import { rejectGuideApplication } from "../../lib/guide-applications/reject";
import { decideGuideApplication } from "../../lib/guide-applications/decide";
import { submitGuideApplication } from "../../lib/guide-applications/submit";
import { refusal, testDb, withPg } from "../support/helpers";
import { makeStaff, makeUser, profileOf } from "../support/teach";
import { testContext } from "../support/context";

const application = (over: Record<string, unknown> = {}) => ({
  motivation: "I love teaching maths.",
  experience: "Five years of tutoring.",
  subjectsToTeach: "Maths, Physics",
  ...over,
});

describe("submitGuideApplication", () => {
  it("creates a pending application with normalised subjects and resolves the referrer by username in any case", async () => {
    const db = testDb();
    const [user, referrer] = [await makeUser(db), await makeUser(db)];
    const app = await submitGuideApplication(application({ subjectsToTeach: " Maths ,,  physics  ,Chemistry ", referredBy: referrer.username.toUpperCase() }), testContext({ actor: user, db }));
    expect(app).toMatchObject({
      status: "pending",
      subjectsToTeach: "Maths, physics, Chemistry",
      applicant: { id: user.id, username: user.username },
      referredBy: { id: referrer.id },
      reviewedBy: null,
      reviewedAt: null,
    });
  });

  it("accepts a referrer given as a user id (old API clients) and refuses an unknown one", async () => {
    const db = testDb();
    const [a, b, referrer] = [await makeUser(db), await makeUser(db), await makeUser(db)];
    expect((await submitGuideApplication(application({ referredBy: referrer.id }), testContext({ actor: a, db }))).referredBy?.id).toBe(referrer.id);
    const err = await refusal(submitGuideApplication(application({ referredBy: "nobody_by_that_name_x" }), testContext({ actor: b, db })));
    expect(err).toMatchObject({ status: 400, message: "Referred by must be the username of an existing user." });
    expect(await getMyLatestGuideApplication({}, testContext({ actor: b, db }))).toBeNull();
  });

  it.each([
    [{ motivation: "" }, "Motivation is required."],
    [{ motivation: "   " }, "Motivation is required."],
    [{ motivation: undefined }, "Motivation is required."],
    [{ motivation: 42 }, "Motivation must be text."],
    [{ subjectsToTeach: " , , " }, "Subjects to teach is required."],
    [{ subjectsToTeach: "x".repeat(256) }, "Subjects to teach must be at most 255 characters."],
    [{ motivation: "nul\u0000byte" }, "Motivation contains a character that is not allowed."],
    [{ experience: "e".repeat(5001) }, "Experience must be at most 5000 characters."],
  ])("refuses bad input %j with one sentence", async (over, message) => {
    const db = testDb();
    const user = await makeUser(db);
    const err = await refusal(submitGuideApplication(application(over), testContext({ actor: user, db })));
    expect(err).toMatchObject({ status: 400, code: "invalid", message });
  });

  it("refuses a body that is not an object", async () => {
    const user = await makeUser(testDb());
    expect(await refusal(submitGuideApplication("nope", testContext({ actor: user, db: testDb() })))).toMatchObject({ status: 400 });
  });

  it("allows one pending or approved application per user; a rejected user may apply again", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeStaff(db)];
    const first = await submitGuideApplication(application(), testContext({ actor: user, db }));
    expect(await refusal(submitGuideApplication(application(), testContext({ actor: user, db })))).toMatchObject({
      status: 400,
      message: "You already have a pending application.",
    });
    await rejectGuideApplication({ applicationId: first.id, adminNotes: "More detail, please." }, testContext({ actor: staff, db }));
    const second = await submitGuideApplication(application(), testContext({ actor: user, db }));
    await approveGuideApplication({ applicationId: second.id }, testContext({ actor: staff, db }));
    expect(await refusal(submitGuideApplication(application(), testContext({ actor: user, db })))).toMatchObject({
      status: 400,
      message: "You already have an approved application.",
    });
    expect(await getMyLatestGuideApplication({}, testContext({ actor: user, db }))).toMatchObject({ id: second.id, status: "approved" });
  });

  it("the database refuses a second open application even when the pre-check is bypassed", async () => {
    const db = testDb();
    const user = await makeUser(db);
    await submitGuideApplication(application(), testContext({ actor: user, db }));
    await withPg(async (c) => {
      await expect(
        c.query(`INSERT INTO "GuideApplication" ("userId", motivation, "subjectsToTeach") VALUES ($1, 'm', 's')`, [user.id]),
      ).rejects.toThrow(/GuideApplication_one_open_per_user/);
    });
  });

  it("queues one email per active staff user with an email, in the same transaction, and audits", async () => {
    const db = testDb();
    const [user, staffA, staffB] = [await makeUser(db), await makeStaff(db), await makeStaff(db)];
    const inactive = await makeUser(db, { isStaff: true, isActive: false });
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    const mails = await db.outbox.findMany({ where: { kind: "guide_application.submitted", text: { contains: `/admin/guide-applications/${app.id}` } } });
    const recipients = mails.map((m) => m.to);
    expect(recipients).toContain(staffA.email);
    expect(recipients).toContain(staffB.email);
    expect(recipients).not.toContain(inactive.email);
    expect(recipients).not.toContain(user.email);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(mails[0].subject).toBe(`New guide application from ${user.username}`);
    const staffNow = await db.user.count({ where: { isStaff: true, isActive: true, dateJoined: { lte: app.createdAt } } });
    expect(recipients.length).toBeGreaterThanOrEqual(2);
    expect(recipients.length).toBeLessThanOrEqual(staffNow);
    const audit = await db.auditLog.findMany({ where: { targetType: "GuideApplication", targetId: app.id } });
    expect(audit.map((a) => a.action)).toEqual(["guide_application.submitted"]);
  });

  it("writes nothing (no application, no email) when the transaction fails", async () => {
    const db = testDb();
    const user = await makeUser(db);
    await makeStaff(db);
    await withPg(async (c) => {
      await c.query(`CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.subject = 'New guide application from ${user.username}' THEN RAISE EXCEPTION 'outbox sabotaged'; END IF; RETURN NEW; END $$`);
      await c.query(`CREATE TRIGGER test_fail_outbox BEFORE INSERT ON "Outbox" FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`);
    });
    try {
      await expect(submitGuideApplication(application(), testContext({ actor: user, db }))).rejects.toThrow(/outbox sabotaged/);
    } finally {
      await withPg(async (c) => {
        await c.query(`DROP TRIGGER test_fail_outbox ON "Outbox"`);
        await c.query(`DROP FUNCTION test_fail_outbox()`);
      });
    }
    expect(await db.guideApplication.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: user.id } })).toBe(0);
  });
});

describe("approveGuideApplication / rejectGuideApplication", () => {
  it.each([
    ["explorer", "both"],
    ["guide", "guide"],
    ["both", "guide"],
  ] as const)("approval turns a %s into %s, an active guide who cannot invite", async (before, after) => {
    const db = testDb();
    const user = await makeUser(db, { role: before, canInviteTeachers: true });
    const staff = await makeStaff(db);
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    const result = await approveGuideApplication({ applicationId: app.id, adminNotes: "Welcome!" }, testContext({ actor: staff, db }));
    expect(result.profile).toEqual({ role: after, activeGuide: true, canInviteTeachers: false });
    expect(await profileOf(db, user.id)).toEqual({ role: after, activeGuide: true, canInviteTeachers: false });
    expect(result.application).toMatchObject({ status: "approved", adminNotes: "Welcome!", reviewedBy: { id: staff.id } });
    expect(result.application.reviewedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetType: "GuideApplication", targetId: app.id, action: "guide_application.approved" } });
    expect(audit).toMatchObject({ actorId: staff.id, notes: "Welcome!" });
    expect(audit.details).toMatchObject({ applicantId: user.id, profile: { role: after } });
  });

  it("rejection stores the notes, leaves the profile alone and is audited", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeStaff(db)];
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    const result = await rejectGuideApplication({ applicationId: String(app.id), admin_notes: "ignored", adminNotes: "Not yet." }, testContext({ actor: staff, db }));
    expect(result.profile).toBeNull();
    expect(result.application).toMatchObject({ status: "rejected", adminNotes: "Not yet.", reviewedBy: { id: staff.id } });
    expect(await profileOf(db, user.id)).toEqual({ role: "explorer", activeGuide: false, canInviteTeachers: false });
    expect(await db.auditLog.count({ where: { targetId: app.id, targetType: "GuideApplication", action: "guide_application.rejected", actorId: staff.id, notes: "Not yet." } })).toBe(1);
  });

  it("a stale decision is refused with who won, and changes nothing", async () => {
    const db = testDb();
    const [user, staffA, staffB] = [await makeUser(db), await makeStaff(db), await makeStaff(db)];
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    await rejectGuideApplication({ applicationId: app.id, adminNotes: "No." }, testContext({ actor: staffA, db }));
    const approveLate = await refusal(approveGuideApplication({ applicationId: app.id }, testContext({ actor: staffB, db })));
    expect(approveLate).toMatchObject({ status: 409, code: "already_decided", message: "This application was already rejected." });
    const rejectAgain = await refusal(rejectGuideApplication({ applicationId: app.id }, testContext({ actor: staffB, db })));
    expect(rejectAgain.message).toBe("This application was already rejected.");
    expect(await profileOf(db, user.id)).toMatchObject({ role: "explorer", activeGuide: false });
    const after = await getGuideApplication({ applicationId: app.id }, testContext({ actor: staffA, db }));
    expect(after).toMatchObject({ status: "rejected", adminNotes: "No.", reviewedBy: { id: staffA.id } });

    const other = await makeUser(db);
    const app2 = await submitGuideApplication(application(), testContext({ actor: other, db }));
    await approveGuideApplication({ applicationId: app2.id }, testContext({ actor: staffA, db }));
    expect((await refusal(rejectGuideApplication({ applicationId: app2.id }, testContext({ actor: staffB, db })))).message).toBe(
      "This application was already approved.",
    );
    expect(await db.auditLog.count({ where: { targetType: "GuideApplication", targetId: { in: [app.id, app2.id] }, action: { not: "guide_application.submitted" } } })).toBe(2);
  });

  it("only staff decide; a revoked or inactive staff member is refused by the database's flag", async () => {
    const db = testDb();
    const [user, notStaff, revoked, inactive] = [
      await makeUser(db),
      await makeUser(db),
      await makeStaff(db),
      await makeUser(db, { isStaff: true, isActive: false }),
    ];
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    const forbidden = { status: 403, message: "Admin permission required." };
    expect(await refusal(approveGuideApplication({ applicationId: app.id }, testContext({ actor: notStaff, db })))).toMatchObject(forbidden);
    // A session claiming staff that the database no longer grants:
    expect(await refusal(approveGuideApplication({ applicationId: app.id }, testContext({ actor: { ...notStaff, isStaff: true }, db })))).toMatchObject(forbidden);
    await db.user.update({ where: { id: revoked.id }, data: { isStaff: false } });
    expect(await refusal(rejectGuideApplication({ applicationId: app.id }, testContext({ actor: revoked, db })))).toMatchObject(forbidden);
    expect(await refusal(approveGuideApplication({ applicationId: app.id }, testContext({ actor: inactive, db })))).toMatchObject(forbidden);
    expect((await getMyLatestGuideApplication({}, testContext({ actor: user, db })))?.status).toBe("pending");
    expect(await refusal(listGuideApplications({}, testContext({ actor: notStaff, db })))).toMatchObject(forbidden);
  });

  it("the staff page's one form: decideGuideApplication refuses a missing or unknown decision before anything changes", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeStaff(db)];
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    for (const decision of [undefined, "", "maybe", "approved"]) {
      expect(await refusal(decideGuideApplication({ decision, applicationId: app.id }, testContext({ actor: staff, db })))).toMatchObject({
        status: 400,
        message: "Choose Approve or Reject.",
      });
    }
    expect((await getMyLatestGuideApplication({}, testContext({ actor: user, db })))?.status).toBe("pending");
    const { application: decided, profile } = await decideGuideApplication({ decision: "reject", applicationId: String(app.id) }, testContext({ actor: staff, db }));
    expect([decided.status, profile]).toEqual(["rejected", null]);
    // The actor comes from ctx: nobody signed in is the contract's 401, not a staff check on nothing.
    expect(await refusal(decideGuideApplication({ decision: "approve", applicationId: app.id }, testContext({ db })))).toMatchObject({ status: 401 });
    expect(await refusal(submitGuideApplication(application(), testContext({ db })))).toMatchObject({ status: 401 });
  });

  it("unknown ids are 404 'Not found.' and bad ids a 400 sentence", async () => {
    const db = testDb();
    const staff = await makeStaff(db);
    expect(await refusal(approveGuideApplication({ applicationId: 2_000_000_000 }, testContext({ actor: staff, db })))).toMatchObject({ status: 404, message: "Not found." });
    expect(await refusal(rejectGuideApplication({ applicationId: "12abc" }, testContext({ actor: staff, db })))).toMatchObject({
      status: 400,
      message: "Application id must be a positive whole number.",
    });
    expect(await refusal(approveGuideApplication({ applicationId: 1, adminNotes: "x".repeat(5001) }, testContext({ actor: staff, db })))).toMatchObject({ status: 400 });
  });

  it("never writes the decision without the profile change: a failing profile update rolls both back", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeStaff(db)];
    const app = await submitGuideApplication(application(), testContext({ actor: user, db }));
    await withPg(async (c) => {
      await c.query(`CREATE OR REPLACE FUNCTION test_fail_promote() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW."userId" = ${user.id} THEN RAISE EXCEPTION 'profile update sabotaged'; END IF; RETURN NEW; END $$`);
      await c.query(`CREATE TRIGGER test_fail_promote BEFORE UPDATE ON "Profile" FOR EACH ROW EXECUTE FUNCTION test_fail_promote()`);
    });
    try {
      await expect(approveGuideApplication({ applicationId: app.id }, testContext({ actor: staff, db }))).rejects.toThrow(/sabotaged/);
    } finally {
      await withPg(async (c) => {
        await c.query(`DROP TRIGGER test_fail_promote ON "Profile"`);
        await c.query(`DROP FUNCTION test_fail_promote()`);
      });
    }
    expect((await getMyLatestGuideApplication({}, testContext({ actor: user, db })))?.status).toBe("pending");
    expect(await db.auditLog.count({ where: { targetId: app.id, action: "guide_application.approved" } })).toBe(0);
  });
});

describe("listing", () => {
  it("filters by status, puts pending first then oldest first, and paginates", async () => {
    const db = testDb();
    const staff = await makeStaff(db);
    const users = await Promise.all(Array.from({ length: 4 }, () => makeUser(db)));
    const apps: { id: number }[] = [];
    for (const u of users) apps.push(await submitGuideApplication(application(), testContext({ actor: u, db })));
    await rejectGuideApplication({ applicationId: apps[0].id }, testContext({ actor: staff, db }));

    const pending = await listGuideApplications({ status: "pending", pageSize: 100 }, testContext({ actor: staff, db }));
    expect(pending.items.every((a) => a.status === "pending")).toBe(true);
    const pendingIds = pending.items.map((a) => a.id);
    expect(pendingIds.filter((id) => apps.some((a) => a.id === id))).toEqual([apps[1].id, apps[2].id, apps[3].id].filter((id) => pendingIds.includes(id)));
    const created = pending.items.map((a) => a.createdAt.getTime());
    expect([...created].sort((x, y) => x - y)).toEqual(created);

    const all = await listGuideApplications({ pageSize: "100", page: "1" }, testContext({ actor: staff, db }));
    const firstDecided = all.items.findIndex((a) => a.status !== "pending");
    if (firstDecided >= 0) expect(all.items.slice(firstDecided).every((a) => a.status !== "pending")).toBe(true);

    const rejected = await listGuideApplications({ status: "rejected" }, testContext({ actor: staff, db }));
    expect(rejected.items.every((a) => a.status === "rejected")).toBe(true);

    const page1 = await listGuideApplications({ pageSize: 2, page: 1 }, testContext({ actor: staff, db }));
    const page2 = await listGuideApplications({ pageSize: 2, page: 2 }, testContext({ actor: staff, db }));
    expect(page1.items).toHaveLength(2);
    expect(page1.pageCount).toBe(Math.ceil(page1.total / 2));
    expect(page2.items.map((a) => a.id)).not.toContain(page1.items[0].id);

    expect(await refusal(listGuideApplications({ status: "maybe" }, testContext({ actor: staff, db })))).toMatchObject({
      status: 400,
      message: "Status must be one of: pending, approved, rejected.",
    });
    expect(await refusal(listGuideApplications({ pageSize: 1000 }, testContext({ actor: staff, db })))).toMatchObject({ message: "Page size must be at most 100." });
  });

  it("finds applications by part of the applicant's username in any letter case, with the total to match", async () => {
    const db = testDb();
    const staff = await makeStaff(db);
    const [a, b] = [await makeUser(db, { prefix: "findme" }), await makeUser(db, { prefix: "other" })];
    const first = await submitGuideApplication(application(), testContext({ actor: a, db }));
    await rejectGuideApplication({ applicationId: first.id }, testContext({ actor: staff, db }));
    const second = await submitGuideApplication(application(), testContext({ actor: a, db }));
    await submitGuideApplication(application(), testContext({ actor: b, db }));
    const found = await listGuideApplications({ applicant: ` ${a.username.slice(3).toUpperCase()} ` }, testContext({ actor: staff, db }));
    expect(found.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(found.total).toBe(2);
    const pendingOnly = await listGuideApplications({ applicant: a.username, status: "pending" }, testContext({ actor: staff, db }));
    expect(pendingOnly).toMatchObject({ total: 1, items: [{ id: second.id }] });
    // Not a LIKE pattern: "%" (which no username contains) matches nothing.
    expect(await listGuideApplications({ applicant: "%" }, testContext({ actor: staff, db }))).toMatchObject({ total: 0, items: [] });
    expect(await refusal(listGuideApplications({ applicant: "x".repeat(151) }, testContext({ actor: staff, db })))).toMatchObject({ message: "Applicant must be at most 150 characters." });
  });

  it("getMyLatestGuideApplication returns the newest application with the reviewer's notes", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeStaff(db)];
    expect(await getMyLatestGuideApplication({}, testContext({ actor: user, db }))).toBeNull();
    const first = await submitGuideApplication(application(), testContext({ actor: user, db }));
    await rejectGuideApplication({ applicationId: first.id, adminNotes: "Tell us more." }, testContext({ actor: staff, db }));
    expect(await getMyLatestGuideApplication({}, testContext({ actor: user, db }))).toMatchObject({ id: first.id, status: "rejected", adminNotes: "Tell us more." });
    const second = await submitGuideApplication(application(), testContext({ actor: user, db }));
    expect(await getMyLatestGuideApplication({}, testContext({ actor: user, db }))).toMatchObject({ id: second.id, status: "pending" });
  });
});
