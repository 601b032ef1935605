import { requireRecentSecondFactor } from "../two-factor/step-up";
import { legacyActor, type UseCaseContext } from "../use-case/context";
import { requireStaffFlag } from "../actor";
import { csvLine } from "./csv";
import { eachMatchingUser, parseUserQuery, type UserRow } from "./users-list";

// The users list as CSV, streamed batch by batch (memory stays flat on 100,000 rows).
// The same columns staff see on the list; no password hash, token or secret.

const HEADER = ["id", "username", "email", "display_name", "role", "staff", "superuser", "active", "active_guide", "may_invite", "email_verified_at", "date_joined", "last_login"];

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

function row(u: UserRow): string {
  return csvLine([
    u.id,
    u.username,
    u.email,
    u.displayName,
    u.role,
    yesNo(u.isStaff),
    yesNo(u.isSuperuser),
    yesNo(u.isActive),
    yesNo(u.activeGuide),
    yesNo(u.canInviteTeachers),
    u.emailVerifiedAt,
    u.dateJoined,
    u.lastLogin,
  ]);
}

/** Staff: the CSV of every member matching the query. Parses the query before streaming (a bad one throws here, a 400). */
export async function usersCsvStream(input: unknown, ctx: UseCaseContext): Promise<ReadableStream<Uint8Array>> {
  const actor = legacyActor(ctx);
  requireStaffFlag(actor);
  // With 2FA on: a second factor on this session or token in the last 10 minutes (issue 20).
  await requireRecentSecondFactor(ctx.db, actor.id, ctx.credential ?? null, undefined, ctx.log);
  parseUserQuery(input);
  const encoder = new TextEncoder();
  const batches = eachMatchingUser(input, ctx);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(HEADER)));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(row).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
