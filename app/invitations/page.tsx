import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/who/current-user";
import { listMyInvitations } from "@/lib/invitations/list";
import { MONTHLY_LIMIT } from "@/lib/invitations/messages";
import { PERSONAL_MESSAGE_MAX } from "@/lib/invitations/send-schema";
import { ActionButton } from "../components/action-button";
import { Table } from "../components/table";
import { EmptyState } from "../components/ui";
import { cancelMyInvitationAction } from "./actions";
import { STATUS_KEYS } from "./labels";
import { Day } from "../components/date-time";
import { SendInvitationForm } from "./send-form";
import { pageContext } from "../components/acting-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations");
  return { title: t("title") };
}

/** The first day of next month (UTC): when the monthly count starts again. */
function nextMonth(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export default async function InvitationsPage() {
  const user = await requireUser("/invitations");
  const mine = await listMyInvitations({}, await pageContext(user));
  const t = await getTranslations("invitations");

  return (
    <section className="card">
      <h1>{t("title")}</h1>
      {!mine.canInvite ? (
        <div className="notice" role="note">
          <p>{t("cannotInvite")}</p>
          {user.isStaff ? (
            <p>
              {t.rich("staffAllowSelf", { link: (chunks) => <Link href="/admin/invitations">{chunks}</Link> })}
            </p>
          ) : (
            <p>
              {t("askStaff")}
            </p>
          )}
        </div>
      ) : (
        <>
          <p id="remaining">
            <strong>{t("remaining", { remaining: mine.remainingThisMonth, limit: MONTHLY_LIMIT })}</strong>{" "}
            <span className="hint">{t("calendarMonth")}</span>
          </p>
          {mine.remainingThisMonth > 0 ? (
            <SendInvitationForm messageMax={PERSONAL_MESSAGE_MAX} />
          ) : (
            <div className="notice" role="note">
              {t.rich("limitReached", { limit: MONTHLY_LIMIT, day: () => <Day value={nextMonth()} /> })}
            </div>
          )}
        </>
      )}

      <h2>{t("yours")}</h2>
      {mine.invitations.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <Table stack label={t("yours")} columns={[t("sentTo"), t("status"), <span key="actions" className="visually-hidden">{t("actions")}</span>]}>
          {mine.invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="wrap-anywhere">
                {i.inviteeEmail}
                <br />
                <span className="hint">{t.rich("sentOn", { day: () => <Day value={i.createdAt} /> })}</span>
              </th>
              <td data-label={t("status")}>
                {t(STATUS_KEYS[i.status])}
                <br />
                <span className="hint">
                  {i.status === "accepted" && i.invitee && t("acceptedBy", { name: i.invitee.username })}
                  {i.status === "pending" && t.rich("expiresOn", { day: () => <Day value={i.expiresAt} /> })}
                  {i.status === "expired" && t.rich("expiredOn", { day: () => <Day value={i.expiresAt} /> })}
                </span>
              </td>
              <td>
                {i.status === "pending" && (
                  <ActionButton
                    action={cancelMyInvitationAction}
                    fields={{ invitationId: i.id }}
                    label={t("cancel")}
                    ariaLabel={t("cancelLabel", { email: i.inviteeEmail })}
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
