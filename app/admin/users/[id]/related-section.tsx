import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserDetail } from "@/lib/admin/user-detail";
import { DateTime } from "../../../components/date-time";
import { Table } from "../../../components/table";
import { applicationStatusWords } from "../../guide-applications/status-words";

/** Guide applications and invitations, sent and received. */
export async function RelatedSection({ applications, invitationsSent, invitationsReceived }: Pick<UserDetail, "applications" | "invitationsSent" | "invitationsReceived">) {
  const t = await getTranslations("adminUsers");
  const statusWords = await applicationStatusWords();
  return (
    <>
      <h2>{t("guideApplications")}</h2>
      {applications.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table columns={[t("colApplication"), t("colStatus"), t("colSubjects"), t("colReviewed")]}>
          {applications.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/admin/guide-applications/${a.id}`}>
                  #{a.id}, <DateTime value={a.createdAt} />
                </Link>
              </th>
              <td>{statusWords(a.status)}</td>
              <td className="wrap-anywhere">{a.subjectsToTeach}</td>
              <td>{a.reviewedAt ? <>{a.reviewedBy?.username ?? "—"}, <DateTime value={a.reviewedAt} /></> : "—"}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2>{t("invitationsSent")}</h2>
      {invitationsSent.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table columns={[t("colTo"), t("colStatus"), t("colSent"), t("colAcceptedBy")]}>
          {invitationsSent.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="wrap-anywhere">
                {i.inviteeEmail}
              </th>
              <td>{i.status}</td>
              <td>
                <DateTime value={i.createdAt} />
              </td>
              <td>{i.invitee ? <Link href={`/admin/users/${i.invitee.id}`}>{i.invitee.username}</Link> : "—"}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2>{t("invitationsReceived")}</h2>
      {invitationsReceived.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table columns={[t("colFrom"), t("colStatus"), t("colSent"), t("colAccepted")]}>
          {invitationsReceived.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.inviter ? (
                  <Link href={`/admin/users/${i.inviter.id}`}>{i.inviter.username}</Link>
                ) : (
                  <span className="hint">{t("deletedAccount")}</span>
                )}
              </th>
              <td>{i.status}</td>
              <td>
                <DateTime value={i.createdAt} />
              </td>
              <td>
                <DateTime value={i.acceptedAt} />
              </td>
            </tr>
          ))}
        </Table>
      )}

    </>
  );
}
