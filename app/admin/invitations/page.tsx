import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { STATUS_LABELS } from "@/app/invitations/labels";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { listInvitations } from "@/lib/invitations/list";
import { INVITATION_STATUSES } from "@/lib/invitations/list-schema";
import { ActionButton } from "../../components/action-button";
import { DateTime } from "../../components/date-time";
import { Field, FormMessage } from "../../components/field";
import { Pagination } from "../../components/pagination";
import { staffAcceptOnBehalfAction, staffCancelInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const PATH = "/admin/invitations";

export default async function AdminInvitationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = {
    status: first(params.status) || undefined,
    inviter: first(params.inviter)?.trim() || undefined,
    email: first(params.email)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  // A hand-edited address (?status=maybe, ?page=0) gets the domain's sentence, not a 500.
  const result = await listInvitations({ ...filters, page: first(params.page) || undefined }, staff, getDb()).catch((err) => {
    if (isDomainError(err) && err.status === 400) return err;
    throw err;
  });

  return (
    <section className="card">
      <h1>Invitations</h1>
      {/* A GET form (next/form: client-side navigation, plain GET without JavaScript): the filters stay in the address. */}
      <Form action={PATH} role="search" aria-label="Filter invitations" className="filters">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">All</option>
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <Field name="inviter" label="Inviter" hint="Username or id." defaultValue={filters.inviter ?? ""} maxLength={150} />
        <Field name="email" label="Invitee email contains" type="search" defaultValue={filters.email ?? ""} maxLength={254} />
        <button type="submit">Filter</button>
        <Link href={PATH}>Clear</Link>
      </Form>

      {isDomainError(result) ? (
        <FormMessage kind="error">
          {result.message} <Link href={PATH}>Show all invitations</Link>
        </FormMessage>
      ) : result.items.length === 0 ? (
        <p>No invitations match.</p>
      ) : (
        <>
          <p>
            {result.total} invitation{result.total === 1 ? "" : "s"}, newest first.
          </p>
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
                      <Link href={`${PATH}?${new URLSearchParams({ inviter: String(i.inviter.id) })}`}>{i.inviter.username}</Link>
                    </td>
                    <td>
                      {STATUS_LABELS[i.status]}
                      {i.acceptedAt && (
                        <>
                          <br />
                          <span className="hint">
                            <DateTime value={i.acceptedAt} />
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      <DateTime value={i.createdAt} />
                    </td>
                    <td>
                      <DateTime value={i.expiresAt} />
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
                          />{" "}
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
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label="Invitation pages" />
        </>
      )}
    </section>
  );
}
