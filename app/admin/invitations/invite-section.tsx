import Link from "next/link";
import type { AuthUser } from "@/lib/auth/who/types";
import { listMyInvitations } from "@/lib/invitations/list";
import { MONTHLY_LIMIT } from "@/lib/invitations/messages";
import { PERSONAL_MESSAGE_MAX } from "@/lib/invitations/send-schema";
import { SendInvitationForm } from "../../invitations/send-form";
import { AllowSelfForm } from "./allow-self-form";
import { pageContext } from "../../components/acting-context";

/**
 * "Invite a teacher" from the staff area. Invitations go out in the staff member's own
 * name under the same rules as anyone's (DOMAIN.md: the permission, 3 a month, a proven
 * address); a staff member without the permission gives it to themselves here, with a
 * reason, through the same audited staff action as on a member's page.
 */
export async function InviteSection({ staff }: { staff: AuthUser }) {
  const mine = await listMyInvitations({}, await pageContext(staff));
  if (!mine.canInvite) {
    return (
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a teacher</h2>
        <p>Invitations go out in your name. First allow yourself to invite teachers; the reason goes into the audit log.</p>
        <AllowSelfForm userId={staff.id} />
      </section>
    );
  }
  return (
    <section aria-labelledby="invite-remaining">
      <p id="invite-remaining">
        <strong>
          {mine.remainingThisMonth} of {MONTHLY_LIMIT} left this month
        </strong>{" "}
        <span className="hint">
          (in your name, calendar month, UTC; <Link href="/invitations">your invitations</Link>)
        </span>
      </p>
      {mine.remainingThisMonth > 0 ? (
        <SendInvitationForm messageMax={PERSONAL_MESSAGE_MAX} />
      ) : (
        <p className="notice" role="note">
          You have sent all {MONTHLY_LIMIT} invitations for this month.
        </p>
      )}
    </section>
  );
}
