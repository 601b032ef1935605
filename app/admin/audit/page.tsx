import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-user";
import { listAuditLog } from "@/lib/audit/list";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/admin/audit";

// Suggestions only: any action name can be typed.
const KNOWN_ACTIONS = [
  "invitation.sent",
  "invitation.accepted",
  "invitation.accepted_on_behalf",
  "invitation.cancelled",
  "invitation.expired",
  "profile.invite_permission_granted",
  "profile.invite_permission_revoked",
  "user.activated",
  "user.deactivated",
  "user.staff_created",
  "guide_application.submitted",
  "guide_application.approved",
  "guide_application.rejected",
];
const TARGET_TYPES = ["User", "TeacherInvitation", "GuideApplication"].map((t) => ({ value: t, label: t }));

const filterHref = (params: Record<string, string>) => `${PATH}?${new URLSearchParams(params)}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = {
    action: first(params.action)?.trim() || undefined,
    actorId: first(params.actorId)?.trim() || undefined,
    targetType: first(params.targetType) || undefined,
    targetId: first(params.targetId)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  const result = await listOrRefusal(listAuditLog({ ...filters, page: first(params.page) || undefined }, staff, getDb()));

  return (
    <section className="card">
      <h1>Audit log</h1>
      <p className="hint">Every staff action and every change to invitations, applications and permissions, newest first.</p>
      <FilterForm path={PATH} label="Filter the audit log">
        <Field name="action" label="Action" list="audit-actions" defaultValue={filters.action ?? ""} maxLength={64} />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field name="actorId" label="Actor id" inputMode="numeric" defaultValue={filters.actorId ?? ""} maxLength={10} />
        <SelectField name="targetType" label="Target type" anyLabel="Any" options={TARGET_TYPES} defaultValue={filters.targetType ?? ""} />
        <Field name="targetId" label="Target id" inputMode="numeric" defaultValue={filters.targetId ?? ""} maxLength={10} />
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
          <Table columns={["When", "Who", "What", "Target", "Notes", "Details"]}>
            {result.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateTime value={e.createdAt} />
                </td>
                <td>
                  {e.actor ? (
                    <Link href={filterHref({ actorId: String(e.actor.id) })}>{e.actor.username}</Link>
                  ) : (
                    <span title="The operator's command line, the system itself, or a deleted account">System</span>
                  )}
                </td>
                <th scope="row">
                  <Link href={filterHref({ action: e.action })}>{e.action}</Link>
                </th>
                <td>
                  {e.targetId !== null ? (
                    <Link href={filterHref({ targetType: e.targetType, targetId: String(e.targetId) })}>
                      {e.targetType} #{e.targetId}
                    </Link>
                  ) : (
                    e.targetType
                  )}
                </td>
                <td className="wrap-anywhere">{e.notes ?? ""}</td>
                <td className="wrap-anywhere">{e.details !== null && <code>{JSON.stringify(e.details)}</code>}</td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label="Audit log pages" />
        </>
      )}
    </section>
  );
}
