import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/app/action-button";
import { formatDate } from "@/app/format";
import { STATUS_LABELS } from "@/app/invitations/labels";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { listInvitations } from "@/lib/invitations/list";
import { INVITATION_STATUSES } from "@/lib/invitations/list-schema";
import { Pagination, queryOf } from "../pagination";
import { staffAcceptOnBehalfAction, staffCancelInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations · Staff area" };

const FILTERS = ["status", "inviter", "email"] as const;

export default async function AdminInvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const query = queryOf(params, [...FILTERS, "pageSize", "page"]);
  let result;
  let error: string | undefined;
  try {
    result = await listInvitations(query, staff, getDb());
  } catch (err) {
    if (!isDomainError(err)) throw err;
    error = err.message;
  }
  const { page: _page, ...filters } = query;

  return (
    <section className="card">
      <h1>Invitations</h1>
      <form method="get" action="/admin/invitations" className="filters" role="search" aria-label="Filter invitations">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">All</option>
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inviter">Inviter</label>
          <input id="inviter" name="inviter" defaultValue={query.inviter ?? ""} placeholder="username or id" maxLength={150} />
        </div>
        <div className="field">
          <label htmlFor="email">Invitee email contains</label>
          <input id="email" name="email" type="search" defaultValue={query.email ?? ""} maxLength={254} />
        </div>
        <button type="submit">Filter</button>
        <Link href="/admin/invitations">Clear</Link>
      </form>

      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {result && result.items.length === 0 && <p>No invitations match.</p>}
      {result && result.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Invitee</th>
                  <th scope="col">Inviter</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row" className="wrap-anywhere">
                      {i.inviteeEmail}
                      {i.invitee && (
                        <>
                          <br />
                          <span className="hint">account: {i.invitee.username}</span>
                        </>
                      )}
                    </th>
                    <td>
                      <Link href={`/admin/invitations?${new URLSearchParams({ inviter: String(i.inviter.id) })}`}>{i.inviter.username}</Link>
                    </td>
                    <td>
                      {STATUS_LABELS[i.status]}
                      {i.acceptedAt && (
                        <>
                          <br />
                          <span className="hint">{formatDate(i.acceptedAt)}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <time dateTime={i.createdAt.toISOString()}>{formatDate(i.createdAt)}</time>
                    </td>
                    <td>
                      <time dateTime={i.expiresAt.toISOString()}>{formatDate(i.expiresAt)}</time>
                    </td>
                    <td>
                      {i.status === "pending" && (
                        <>
                          <ActionButton
                            action={staffCancelInvitationAction}
                            fields={{ invitationId: i.id }}
                            label="Cancel"
                            ariaLabel={`Cancel the invitation to ${i.inviteeEmail}`}
                          />{" "}
                          <ActionButton
                            action={staffAcceptOnBehalfAction}
                            fields={{ invitationId: i.id }}
                            label="Accept on behalf"
                            ariaLabel={`Accept the invitation to ${i.inviteeEmail} on behalf of its registered user`}
                          />
                        </>
                      )}
                      <Link
                        href={`/admin/audit?${new URLSearchParams({ targetType: "TeacherInvitation", targetId: String(i.id) })}`}
                        aria-label={`History of the invitation to ${i.inviteeEmail}`}
                      >
                        History
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination path="/admin/invitations" query={filters} page={result.page} pageCount={result.pageCount} total={result.total} noun="invitations" />
        </>
      )}
    </section>
  );
}
