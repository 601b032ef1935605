import type { Metadata } from "next";
import Link from "next/link";
import { STATUS_LABELS } from "@/app/invitations/labels";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { listInvitations } from "@/lib/invitations/list";
import { INVITATION_STATUSES } from "@/lib/invitations/list-schema";
import { ActionButton } from "../../components/action-button";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";
import { staffAcceptOnBehalfAction, staffCancelInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

const PATH = "/admin/invitations";
const STATUS_OPTIONS = INVITATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

export default async function AdminInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = {
    status: first(params.status) || undefined,
    inviter: first(params.inviter)?.trim() || undefined,
    email: first(params.email)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  const result = await listOrRefusal(listInvitations({ ...filters, page: first(params.page) || undefined }, staff, getDb()));

  return (
    <section className="card">
      <h1>Invitations</h1>
      <FilterForm path={PATH} label="Filter invitations">
        <SelectField name="status" label="Status" anyLabel="All" options={STATUS_OPTIONS} defaultValue={filters.status ?? ""} />
        <Field name="inviter" label="Inviter" hint="Username or id." defaultValue={filters.inviter ?? ""} maxLength={150} />
        <Field name="email" label="Invitee email contains" type="search" defaultValue={filters.email ?? ""} maxLength={254} />
      </FilterForm>

      {isDomainError(result) ? (
        <ListRefusal error={result} path={PATH} reset="Show all invitations" />
      ) : result.items.length === 0 ? (
        <p>No invitations match.</p>
      ) : (
        <>
          <p>
            {result.total} invitation{result.total === 1 ? "" : "s"}, newest first.
          </p>
          <Table columns={["Invitee", "Inviter", "Status", "Sent", "Expires", "Actions"]}>
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
                  {i.inviter ? (
                    <Link href={`${PATH}?${new URLSearchParams({ inviter: String(i.inviter.id) })}`}>{i.inviter.username}</Link>
                  ) : (
                    <span className="hint">deleted account</span>
                  )}
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
          </Table>
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label="Invitation pages" />
        </>
      )}
    </section>
  );
}
