import type { Metadata } from "next";
import Link from "next/link";
import { STATUS_LABELS } from "@/app/invitations/labels";
import { requireStaff } from "@/lib/auth/who/current-user";
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
import { pageContext } from "../../components/acting-context";
import { InviteSection } from "./invite-section";
import { staffAcceptOnBehalfAction, staffCancelInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

const PATH = "/admin/invitations";
const STATUS_OPTIONS = INVITATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/** The active date filter as a sentence ("Sent from 2026-12-01 to 2026-12-31 (UTC days)."). */
function sentWhen(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? `Sent on ${from} (UTC).` : `Sent from ${from} to ${to} (UTC days).`;
  return from ? `Sent on or after ${from} (UTC).` : `Sent on or before ${to} (UTC).`;
}

/** The list without the date filter, keeping the other filters. */
function withoutDays(filters: Record<string, string | undefined>): string {
  const { sentFrom: _from, sentTo: _to, ...rest } = filters;
  const query = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `${PATH}?${query}` : PATH;
}

export default async function AdminInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = {
    status: first(params.status) || undefined,
    inviter: first(params.inviter)?.trim() || undefined,
    email: first(params.email)?.trim() || undefined,
    sentFrom: first(params.sentFrom)?.trim() || undefined,
    sentTo: first(params.sentTo)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  const result = await listOrRefusal(listInvitations({ ...filters, page: first(params.page) || undefined }, await pageContext(staff)));

  return (
    <section className="card">
      <h1>Invitations</h1>
      <InviteSection staff={staff} />
      <h2>All invitations</h2>
      <FilterForm path={PATH} label="Filter invitations">
        <SelectField name="status" label="Status" anyLabel="All" options={STATUS_OPTIONS} defaultValue={filters.status ?? ""} />
        <Field name="inviter" label="Inviter" hint="Username or id." defaultValue={filters.inviter ?? ""} maxLength={150} />
        <Field name="email" label="Invitee email contains" type="search" defaultValue={filters.email ?? ""} maxLength={254} />
        <Field name="sentFrom" label="Sent from" hint="UTC day, included." type="date" defaultValue={filters.sentFrom ?? ""} />
        <Field name="sentTo" label="Sent to" hint="UTC day, included." type="date" defaultValue={filters.sentTo ?? ""} />
      </FilterForm>
      {!isDomainError(result) && (filters.sentFrom || filters.sentTo) && (
        <p role="status">
          {sentWhen(filters.sentFrom, filters.sentTo)}{" "}
          <Link href={withoutDays(filters)}>Any day</Link>
        </p>
      )}

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
