import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/who/current-user";
import { listUsers } from "@/lib/admin/users-list";
import { USER_FILTER_KEYS } from "@/lib/admin/users-list-schema";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { inReadersLanguage } from "../list-refusal-words";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";
import styles from "../admin.module.css";
import { StepUp } from "../../components/step-up";
import { pageContext } from "../../components/acting-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminUsers");
  return { title: t("listTitle") };
}

const PATH = "/admin/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const [t, format] = await Promise.all([getTranslations("adminUsers"), getFormatter()]);
  const YES_NO = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  const ROLES = [
    { value: "explorer", label: t("roleExplorer") },
    { value: "guide", label: t("roleGuide") },
    { value: "both", label: t("roleBoth") },
  ];
  const SORTS = [
    { value: "oldest", label: t("oldestFirst") },
    { value: "last_login", label: t("lastSignIn") },
  ];
  const roleWords: Record<string, string> = { explorer: t("roleExplorer"), guide: t("roleGuide"), both: t("roleBoth") };
  const params = await searchParams;
  // The filters as given (text), to put back into the form and into the page links.
  const filters: Record<string, string> = {};
  for (const key of USER_FILTER_KEYS) {
    const value = first(params[key]);
    if (value) filters[key] = value;
  }
  const pageSize = first(params.pageSize);
  const position = { after: first(params.after) || undefined, before: first(params.before) || undefined };
  const result = await listOrRefusal(listUsers({ ...filters, ...position, pageSize }, await pageContext(staff)));
  const link = (extra: Record<string, string>) => `${PATH}?${new URLSearchParams({ ...filters, ...(pageSize ? { pageSize } : {}), ...extra })}`;
  const exportHref = `${PATH}/export?${new URLSearchParams(filters)}`;

  return (
    <section className="card">
      <h1>{t("listTitle")}</h1>
      <FilterForm path={PATH} label={t("findMembers")}>
        <Field name="q" label={t("search")} hint={t("searchHint")} type="search" defaultValue={filters.q ?? ""} maxLength={100} />
        <SelectField name="staff" label={t("staff")} anyLabel={t("any")} options={YES_NO} defaultValue={filters.staff ?? ""} />
        <SelectField name="active" label={t("active")} anyLabel={t("any")} options={YES_NO} defaultValue={filters.active ?? ""} />
        <SelectField name="role" label={t("role")} anyLabel={t("any")} options={ROLES} defaultValue={filters.role ?? ""} />
        <SelectField name="guide" label={t("activeGuide")} anyLabel={t("any")} options={YES_NO} defaultValue={filters.guide ?? ""} />
        <SelectField name="invite" label={t("mayInvite")} anyLabel={t("any")} options={YES_NO} defaultValue={filters.invite ?? ""} />
        <SelectField name="verified" label={t("emailVerified")} anyLabel={t("any")} options={YES_NO} defaultValue={filters.verified ?? ""} />
        <Field name="joinedFrom" label={t("joinedFrom")} type="date" defaultValue={filters.joinedFrom ?? ""} />
        <Field name="joinedTo" label={t("joinedTo")} type="date" defaultValue={filters.joinedTo ?? ""} />
        <SelectField name="sort" label={t("sort")} anyLabel={t("newestFirst")} options={SORTS} defaultValue={filters.sort === "joined" ? "" : (filters.sort ?? "")} />
      </FilterForm>

      {isDomainError(result) ? (
        <ListRefusal error={await inReadersLanguage(result)} path={PATH} reset={t("showEveryMember")} />
      ) : (
        <>
          <p className={styles.summary}>
            <span>
              {result.totalCapped ? t("moreThan", { count: format.number(result.total) }) : t("matches", { count: result.total })}
            </span>{" "}
            <a href={exportHref} download>
              {t("exportCsv")}
            </a>
          </p>
          <StepUp page={PATH} />
          {result.items.length === 0 ? (
            <p>{t("noneMatch")}</p>
          ) : (
            <Table columns={[t("colMember"), t("colDisplayName"), t("colRole"), t("colStaff"), t("colActive"), t("colEmailVerified"), t("colJoined"), t("colLastSignIn")]}>
              {result.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link href={`${PATH}/${u.id}`}>{u.username}</Link>
                    <br />
                    <span className="hint wrap-anywhere">{u.email}</span>
                  </th>
                  <td className="wrap-anywhere">{u.displayName ?? ""}</td>
                  <td>
                    {u.role ? (roleWords[u.role] ?? u.role) : t("noProfile")}
                    {u.activeGuide ? t("andActiveGuide") : ""}
                    {u.canInviteTeachers ? t("andMayInvite") : ""}
                  </td>
                  <td>{u.isSuperuser ? t("superuser") : u.isStaff ? t("yes") : t("no")}</td>
                  <td>{u.isActive ? t("yes") : t("no")}</td>
                  <td>{u.emailVerifiedAt ? t("yes") : t("no")}</td>
                  <td>
                    <DateTime value={u.dateJoined} />
                  </td>
                  <td>
                    <DateTime value={u.lastLogin} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <nav aria-label={t("pagesLabel")} className={styles.pager}>
            {result.previous || position.after ? <Link href={link({})}>{t("firstPage")}</Link> : null}
            {result.previous ? <Link href={link({ before: result.previous })}>{t("previous")}</Link> : <span aria-hidden="true">{t("previous")}</span>}
            {result.next ? <Link href={link({ after: result.next })}>{t("next")}</Link> : <span aria-hidden="true">{t("next")}</span>}
          </nav>
        </>
      )}
    </section>
  );
}
