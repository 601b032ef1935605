import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { STATUS_KEYS } from "@/app/invitations/labels";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { listInvitations } from "@/lib/invitations/list";
import { INVITATION_STATUSES } from "@/lib/invitations/list-schema";
import { ActionButton } from "../../components/action-button";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { inReadersLanguage } from "../list-refusal-words";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";
import { pageContext } from "../../components/acting-context";
import { InviteSection } from "./invite-section";
import { staffAcceptOnBehalfAction, staffCancelInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminInvitations");
  return { title: t("title") };
}

const PATH = "/admin/invitations";

type T = Awaited<ReturnType<typeof getTranslations<"adminInvitations">>>;

/** The active date filter as a sentence ("Sent from 2026-12-01 to 2026-12-31 (UTC days)."). */
function sentWhen(t: T, from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? t("sentOn", { day: from }) : t("sentBetween", { from, to });
  return from ? t("sentOnOrAfter", { day: from }) : t("sentOnOrBefore", { day: to ?? "" });
}

/** The list without the date filter, keeping the other filters. */
function withoutDays(filters: Record<string, string | undefined>): string {
  const { sentFrom: _from, sentTo: _to, ...rest } = filters;
  const query = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `${PATH}?${query}` : PATH;
}

export default async function AdminInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const t = await getTranslations("adminInvitations");
  // The member side's words for a status (the same in the staff list as on /invitations).
  const statusWords = await getTranslations("invitations");
  const statusOptions = INVITATION_STATUSES.map((s) => ({ value: s, label: statusWords(STATUS_KEYS[s]) }));
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
      <h1>{t("title")}</h1>
      <InviteSection staff={staff} />
      <h2>{t("all")}</h2>
      <FilterForm path={PATH} label={t("filterLabel")}>
        <SelectField name="status" label={t("status")} anyLabel={t("allStatuses")} options={statusOptions} defaultValue={filters.status ?? ""} />
        <Field name="inviter" label={t("inviter")} hint={t("inviterHint")} defaultValue={filters.inviter ?? ""} maxLength={150} />
        <Field name="email" label={t("emailContains")} type="search" defaultValue={filters.email ?? ""} maxLength={254} />
        <Field name="sentFrom" label={t("sentFrom")} hint={t("utcDayHint")} type="date" defaultValue={filters.sentFrom ?? ""} />
        <Field name="sentTo" label={t("sentTo")} hint={t("utcDayHint")} type="date" defaultValue={filters.sentTo ?? ""} />
      </FilterForm>
      {!isDomainError(result) && (filters.sentFrom || filters.sentTo) && (
        <p role="status">
          {sentWhen(t, filters.sentFrom, filters.sentTo)}{" "}
          <Link href={withoutDays(filters)}>{t("anyDay")}</Link>
        </p>
      )}

      {isDomainError(result) ? (
        <ListRefusal error={await inReadersLanguage(result)} path={PATH} reset={t("showAll")} />
      ) : result.items.length === 0 ? (
        <p>{t("noneMatch")}</p>
      ) : (
        <>
          <p>
            {t("total", { count: result.total })}
          </p>
          <Table columns={[t("colInvitee"), t("colInviter"), t("colStatus"), t("colSent"), t("colExpires"), t("colActions")]}>
            {result.items.map((i) => (
              <tr key={i.id}>
                <th scope="row" className="wrap-anywhere">
                  {i.inviteeEmail}
                  {i.invitee && (
                    <>
                      <br />
                      <span className="hint">{t("account", { username: i.invitee.username })}</span>
                    </>
                  )}
                </th>
                <td>
                  {i.inviter ? (
                    <Link href={`${PATH}?${new URLSearchParams({ inviter: String(i.inviter.id) })}`}>{i.inviter.username}</Link>
                  ) : (
                    <span className="hint">{t("deletedAccount")}</span>
                  )}
                </td>
                <td>
                  {statusWords(STATUS_KEYS[i.status])}
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
                        label={t("cancel")}
                        ariaLabel={t("cancelAria", { email: i.inviteeEmail })}
                      />{" "}
                      <ActionButton
                        action={staffAcceptOnBehalfAction}
                        fields={{ invitationId: i.id }}
                        label={t("acceptOnBehalf")}
                        ariaLabel={t("acceptAria", { email: i.inviteeEmail })}
                      />{" "}
                    </>
                  )}
                  <Link
                    href={`/admin/audit?${new URLSearchParams({ targetType: "TeacherInvitation", targetId: String(i.id) })}`}
                    aria-label={t("historyAria", { email: i.inviteeEmail })}
                  >
                    {t("history")}
                  </Link>
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label={t("pagesLabel")} />
        </>
      )}
    </section>
  );
}
