import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/who/current-user";
import { listUsers } from "@/lib/admin/users-list";
import { USER_FILTER_KEYS } from "@/lib/admin/users-list-schema";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";
import { countOf } from "@/lib/admin/plural";
import styles from "../admin.module.css";
import { StepUp } from "../../components/step-up";

export const metadata: Metadata = { title: "Members" };

const PATH = "/admin/users";
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const ROLES = ["explorer", "guide", "both"].map((r) => ({ value: r, label: r }));
const SORTS = [
  { value: "joined", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "last_login", label: "Last sign-in" },
];

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  // The filters as given (text), to put back into the form and into the page links.
  const filters: Record<string, string> = {};
  for (const key of USER_FILTER_KEYS) {
    const value = first(params[key]);
    if (value) filters[key] = value;
  }
  const pageSize = first(params.pageSize);
  const position = { after: first(params.after) || undefined, before: first(params.before) || undefined };
  const result = await listOrRefusal(listUsers({ ...filters, ...position, pageSize }, staff, getDb()));
  const link = (extra: Record<string, string>) => `${PATH}?${new URLSearchParams({ ...filters, ...(pageSize ? { pageSize } : {}), ...extra })}`;
  const exportHref = `${PATH}/export?${new URLSearchParams(filters)}`;

  return (
    <section className="card">
      <h1>Members</h1>
      <FilterForm path={PATH} label="Find members">
        <Field name="q" label="Search" hint="Part of a username, email or display name" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
        <SelectField name="staff" label="Staff" anyLabel="Any" options={YES_NO} defaultValue={filters.staff ?? ""} />
        <SelectField name="active" label="Active" anyLabel="Any" options={YES_NO} defaultValue={filters.active ?? ""} />
        <SelectField name="role" label="Role" anyLabel="Any" options={ROLES} defaultValue={filters.role ?? ""} />
        <SelectField name="guide" label="Active guide" anyLabel="Any" options={YES_NO} defaultValue={filters.guide ?? ""} />
        <SelectField name="invite" label="May invite" anyLabel="Any" options={YES_NO} defaultValue={filters.invite ?? ""} />
        <SelectField name="verified" label="Email verified" anyLabel="Any" options={YES_NO} defaultValue={filters.verified ?? ""} />
        <Field name="joinedFrom" label="Joined from" type="date" defaultValue={filters.joinedFrom ?? ""} />
        <Field name="joinedTo" label="Joined to" type="date" defaultValue={filters.joinedTo ?? ""} />
        <SelectField name="sort" label="Sort" anyLabel="Newest first" options={SORTS.slice(1)} defaultValue={filters.sort === "joined" ? "" : (filters.sort ?? "")} />
      </FilterForm>

      {isDomainError(result) ? (
        <ListRefusal error={result} path={PATH} reset="Show every member" />
      ) : (
        <>
          <p className={styles.summary}>
            <span>
              {result.totalCapped ? `More than ${result.total.toLocaleString("en")} members match.` : `${countOf(result.total, "member matches", "members match")}.`}
            </span>{" "}
            <a href={exportHref} download>
              Export CSV
            </a>
          </p>
          <StepUp page={PATH} />
          {result.items.length === 0 ? (
            <p>No members match.</p>
          ) : (
            <Table columns={["Member", "Display name", "Role", "Staff", "Active", "Email verified", "Joined", "Last sign-in"]}>
              {result.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link href={`${PATH}/${u.id}`}>{u.username}</Link>
                    <br />
                    <span className="hint wrap-anywhere">{u.email}</span>
                  </th>
                  <td className="wrap-anywhere">{u.displayName ?? ""}</td>
                  <td>
                    {u.role ?? "no profile"}
                    {u.activeGuide ? " · active guide" : ""}
                    {u.canInviteTeachers ? " · may invite" : ""}
                  </td>
                  <td>{u.isSuperuser ? "Superuser" : u.isStaff ? "Yes" : "No"}</td>
                  <td>{u.isActive ? "Yes" : "No"}</td>
                  <td>{u.emailVerifiedAt ? "Yes" : "No"}</td>
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
          <nav aria-label="Member pages" className={styles.pager}>
            {result.previous || position.after ? <Link href={link({})}>First page</Link> : null}
            {result.previous ? <Link href={link({ before: result.previous })}>Previous</Link> : <span aria-hidden="true">Previous</span>}
            {result.next ? <Link href={link({ after: result.next })}>Next</Link> : <span aria-hidden="true">Next</span>}
          </nav>
        </>
      )}
    </section>
  );
}
