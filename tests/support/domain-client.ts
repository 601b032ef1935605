// One OS process of a domain storm: opens its own database pool, waits for the agreed
// start time, runs its share of calls at once, prints [{ok, value} | {ok: false, …}]
// as JSON on stdout. Run as `node --import tsx tests/support/domain-client.ts '<json>'`.
import { createDb } from "../../lib/db/client";
import { isDomainError } from "../../lib/errors";
import { approveGuideApplication } from "../../lib/guide-applications/approve";
import { rejectGuideApplication } from "../../lib/guide-applications/reject";
import { submitGuideApplication } from "../../lib/guide-applications/submit";
import { acceptInvitation } from "../../lib/invitations/accept";
import { cancelInvitation } from "../../lib/invitations/cancel";
import { registerAndAcceptInvitation } from "../../lib/invitations/register-and-accept";
import { sendInvitation } from "../../lib/invitations/send";
import { confirmEmailChange } from "../../lib/email-change/confirm";
import { undoEmailChange } from "../../lib/email-change/undo";
import { deliverDueEmails } from "../../lib/outbox/worker";
import { smtpTransport } from "../../lib/outbox/transport";
import { deleteOwnAccount } from "../../lib/users/delete-account";
import { registerUser } from "../../lib/users/register";
import { logger } from "../../lib/log/logger";
import { signInWithMagicLink } from "../../lib/magic-link/sign-in";
import { createLimiters } from "../../lib/security/rate-limits";
import { ANONYMOUS, signedInActor, type UseCaseContext } from "../../lib/use-case/context";

export interface DomainCall {
  fn: string;
  input?: unknown;
  actor?: { id: number; isStaff: boolean };
}

const { databaseUrl, startAt, calls } = JSON.parse(process.argv[2]) as { databaseUrl: string; startAt: number; calls: DomainCall[] };
const db = createDb(databaseUrl);
const log = logger.child({ pid: process.pid });
// The storms prove the database's guards: the per-address sign-up limit would only get in the way.
const unlimited = createLimiters({ prefix: "storm_off", enabled: false });

/** The call's actor as a use-case context of this process (limits off, as above). */
const actingAs = (c: DomainCall): UseCaseContext => ({ db, log, actor: signedInActor(c.actor!, "session"), ip: "127.0.0.1", limiters: unlimited });

const FUNCTIONS: Record<string, (c: DomainCall) => Promise<unknown>> = {
  submitGuideApplication: (c) => submitGuideApplication(c.input, actingAs(c)),
  approveGuideApplication: (c) => approveGuideApplication(c.input, actingAs(c)),
  rejectGuideApplication: (c) => rejectGuideApplication(c.input, actingAs(c)),
  sendInvitation: (c) => sendInvitation(c.input, actingAs(c)),
  acceptInvitation: (c) => acceptInvitation(c.input, actingAs(c)),
  cancelInvitation: (c) => cancelInvitation(c.input, actingAs(c)),
  registerAndAcceptInvitation: (c) => registerAndAcceptInvitation(c.input, { db, log, actor: ANONYMOUS, ip: "127.0.0.1", limiters: unlimited }),
  registerUser: (c) => registerUser(c.input, { db, log, actor: ANONYMOUS, ip: "127.0.0.1", limiters: unlimited }),
  // The API's DELETE /api/users/profile/ (no password asked there).
  deleteOwnAccount: (c) => deleteOwnAccount({}, { db, log, actor: signedInActor(c.actor!, "api_token"), ip: "127.0.0.1", limiters: unlimited }),
  // The button of a magic link's page.
  signInWithMagicLink: async (c) => ({ userId: (await signInWithMagicLink(c.input, { db, log, actor: ANONYMOUS, ip: "127.0.0.1", limiters: unlimited })).user.id }),
  // The button of an email change link's page (not signed in: the link is the proof).
  confirmEmailChange: (c) => confirmEmailChange(c.input, { db, log, actor: ANONYMOUS, ip: "127.0.0.1", limiters: unlimited }),
  undoEmailChange: (c) => undoEmailChange(c.input, { db, log, actor: ANONYMOUS, ip: "127.0.0.1", limiters: unlimited }),
  // Drains the outbox through SMTP until a pass claims nothing.
  deliverOutbox: async (c) => {
    const transport = smtpTransport((c.input as { smtpUrl: string }).smtpUrl);
    const totals = { passes: 0, claimed: 0, delivered: 0 };
    try {
      for (;;) {
        const r = await deliverDueEmails(db, { transport, log, batchSize: 5 });
        totals.passes++;
        totals.claimed += r.claimed;
        totals.delivered += r.delivered;
        if (r.claimed === 0) return totals;
      }
    } finally {
      transport.close();
    }
  },
};

const wait = startAt - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));
const results = await Promise.all(
  calls.map(async (call) => {
    try {
      return { ok: true, value: await FUNCTIONS[call.fn](call) };
    } catch (err) {
      if (isDomainError(err)) return { ok: false, code: err.code, status: err.status, message: err.message };
      return { ok: false, code: "fault", status: 500, message: String((err as Error)?.stack ?? err) };
    }
  }),
);
await db.$disconnect();
process.stdout.write(JSON.stringify(results));
