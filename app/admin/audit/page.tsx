import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/who/current-user";
import { listAuditLog } from "@/lib/audit/list";
import { describeAction, describeTargetType, KNOWN_AUDIT_ACTIONS } from "@/lib/audit/wording";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";
import { pageContext } from "../../components/acting-context";
import { AuditDetails, AuditTargetName } from "../audit-cells";
import styles from "../admin.module.css";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/admin/audit";

const TARGET_TYPES = ["User", "TeacherInvitation", "GuideApplication"].map((t) => ({ value: t, label: describeTargetType(t) }));

const ACTIONS = KNOWN_AUDIT_ACTIONS.map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));

const filterHref = (params: Record<string, string>) => `${PATH}?${new URLSearchParams(params)}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = {
    action: first(params.action)?.trim() || undefined,
    actorId: first(params.actorId)?.trim() || undefined,
    who: first(params.who)?.trim() || undefined,
    about: first(params.about)?.trim() || undefined,
    targetType: first(params.targetType) || undefined,
    targetId: first(params.targetId)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  const result = await listOrRefusal(listAuditLog({ ...filters, page: first(params.page) || undefined }, await pageContext(staff)));

  return (
    <section className="card">
      <h1>Audit log</h1>
      <p className="hint">Every staff action and every change to invitations, applications and permissions, newest first.</p>
      <FilterForm path={PATH} label="Filter the audit log">
        <Field name="who" label="Done by (username)" defaultValue={filters.who ?? ""} maxLength={300} autoComplete="off" />
        <Field name="about" label="About member (username)" defaultValue={filters.about ?? ""} maxLength={300} autoComplete="off" />
        <SelectField name="action" label="What" anyLabel="Anything" options={ACTIONS} defaultValue={filters.action ?? ""} />
        <SelectField name="targetType" label="About what" anyLabel="Anything" options={TARGET_TYPES} defaultValue={filters.targetType ?? ""} />
      </FilterForm>

      {isDomainError(result) ? (
        <ListRefusal error={result} path={PATH} reset="Show the whole log" />
      ) : result.items.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <>
          <p>
            {result.total} entr{result.total === 1 ? "y" : "ies"}.
          </p>
          <Table columns={["When", "Who", "What", "About", "Reason / notes", "Details"]}>
            {result.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateTime value={e.createdAt} />
                </td>
                <td>
                  {e.actor ? (
                    <Link href={filterHref({ who: e.actor.username })}>{e.actor.username}</Link>
                  ) : (
                    <span title="The operator's command line, the system itself, or a deleted account">System</span>
                  )}
                </td>
                <th scope="row">
                  <Link href={filterHref({ action: e.action })} title={e.action}>
                    {describeAction(e.action)}
                  </Link>
                </th>
                <td>
                  <AuditTargetName target={e.target} />
                </td>
                <td className="wrap-anywhere">{e.notes ?? ""}</td>
                <td className="wrap-anywhere">
                  <AuditDetails details={e.details} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label="Audit log pages" />
        </>
      )}
    </section>
  );
}
