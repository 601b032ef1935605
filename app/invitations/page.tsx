import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/who/current-user";
import { listMyInvitations } from "@/lib/invitations/list";
import { MONTHLY_LIMIT } from "@/lib/invitations/messages";
import { PERSONAL_MESSAGE_MAX } from "@/lib/invitations/send-schema";
import { ActionButton } from "../components/action-button";
import { Day } from "../components/date-time";
import { Table } from "../components/table";
import { EmptyState } from "../components/ui";
import { cancelMyInvitationAction } from "./actions";
import { STATUS_LABELS } from "./labels";
import { SendInvitationForm } from "./send-form";
import { pageContext } from "../components/acting-context";

export const metadata: Metadata = { title: "Invite teachers" };

/** The first day of next month (UTC): when the monthly count starts again. */
function nextMonth(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export default async function InvitationsPage() {
  const user = await requireUser("/invitations");
  const mine = await listMyInvitations({}, await pageContext(user));

  return (
    <section className="card">
      <h1>Invite teachers</h1>
      {!mine.canInvite ? (
        <div className="notice" role="note">
          <p>You cannot send invitations.</p>
          {user.isStaff ? (
            <p>
              As staff, you can allow yourself on the staff area&apos;s <Link href="/admin/invitations">Invitations</Link> page, and invite from there.
            </p>
          ) : (
            <p>
              Inviting teachers is for trusted guides whom the staff have given permission. If you teach here and want to
              invite a colleague, ask a staff member to let you invite teachers.
            </p>
          )}
        </div>
      ) : (
        <>
          <p id="remaining">
            <strong>
              {mine.remainingThisMonth} of {MONTHLY_LIMIT} left this month
            </strong>{" "}
            <span className="hint">(calendar month, UTC)</span>
          </p>
          {mine.remainingThisMonth > 0 ? (
            <SendInvitationForm messageMax={PERSONAL_MESSAGE_MAX} />
          ) : (
            <div className="notice" role="note">
              You have sent all {MONTHLY_LIMIT} invitations for this month. You can send more from <Day value={nextMonth()} />.
            </div>
          )}
        </>
      )}

      <h2>Your invitations</h2>
      {mine.invitations.length === 0 ? (
        <EmptyState>You have not sent any invitations yet.</EmptyState>
      ) : (
        <Table stack label="Your invitations" columns={["Sent to", "Status", <span key="actions" className="visually-hidden">Actions</span>]}>
          {mine.invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="wrap-anywhere">
                {i.inviteeEmail}
                <br />
                <span className="hint">
                  sent <Day value={i.createdAt} />
                </span>
              </th>
              <td data-label="Status">
                {STATUS_LABELS[i.status]}
                <br />
                <span className="hint">
                  {i.status === "accepted" && i.invitee && `by ${i.invitee.username}`}
                  {i.status === "pending" && (
                    <>
                      expires <Day value={i.expiresAt} />
                    </>
                  )}
                  {i.status === "expired" && (
                    <>
                      on <Day value={i.expiresAt} />
                    </>
                  )}
                </span>
              </td>
              <td>
                {i.status === "pending" && (
                  <ActionButton
                    action={cancelMyInvitationAction}
                    fields={{ invitationId: i.id }}
                    label="Cancel"
                    ariaLabel={`Cancel the invitation to ${i.inviteeEmail}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
