import Link from "next/link";
import type { UserDetail } from "@/lib/admin/user-detail";
import { DateTime } from "../../../components/date-time";
import { Table } from "../../../components/table";

/** Guide applications and invitations, sent and received. */
export function RelatedSection({ applications, invitationsSent, invitationsReceived }: Pick<UserDetail, "applications" | "invitationsSent" | "invitationsReceived">) {
  return (
    <>
      <h2>Guide applications</h2>
      {applications.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table columns={["Application", "Status", "Subjects", "Reviewed"]}>
          {applications.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/admin/guide-applications/${a.id}`}>
                  #{a.id}, <DateTime value={a.createdAt} />
                </Link>
              </th>
              <td>{a.status}</td>
              <td className="wrap-anywhere">{a.subjectsToTeach}</td>
              <td>{a.reviewedAt ? <>{a.reviewedBy?.username ?? "—"}, <DateTime value={a.reviewedAt} /></> : "—"}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2>Invitations sent</h2>
      {invitationsSent.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table columns={["To", "Status", "Sent", "Accepted by"]}>
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

      <h2>Invitations received</h2>
      {invitationsReceived.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table columns={["From", "Status", "Sent", "Accepted"]}>
          {invitationsReceived.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.inviter ? (
                  <Link href={`/admin/users/${i.inviter.id}`}>{i.inviter.username}</Link>
                ) : (
                  <span className="hint">deleted account</span>
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
