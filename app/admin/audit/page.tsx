import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-user";
import { listAuditLog } from "@/lib/audit/list";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../components/date-time";
import { Field, FormMessage } from "../../components/field";
import { Pagination } from "../../components/pagination";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
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
const TARGET_TYPES = ["User", "TeacherInvitation", "GuideApplication"];

const filterHref = (params: Record<string, string>) => `${PATH}?${new URLSearchParams(params)}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = {
    action: first(params.action)?.trim() || undefined,
    actorId: first(params.actorId)?.trim() || undefined,
    targetType: first(params.targetType) || undefined,
    targetId: first(params.targetId)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  const result = await listAuditLog({ ...filters, page: first(params.page) || undefined }, staff, getDb()).catch((err) => {
    if (isDomainError(err) && err.status === 400) return err;
    throw err;
  });

  return (
    <section className="card">
      <h1>Audit log</h1>
      <p className="hint">Every staff action and every change to invitations, applications and permissions, newest first.</p>
      <Form action={PATH} role="search" aria-label="Filter the audit log" className="filters">
        <Field name="action" label="Action" list="audit-actions" defaultValue={filters.action ?? ""} maxLength={64} />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field name="actorId" label="Actor id" inputMode="numeric" defaultValue={filters.actorId ?? ""} maxLength={10} />
        <div className="field">
          <label htmlFor="targetType">Target type</label>
          <select id="targetType" name="targetType" defaultValue={filters.targetType ?? ""}>
            <option value="">Any</option>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <Field name="targetId" label="Target id" inputMode="numeric" defaultValue={filters.targetId ?? ""} maxLength={10} />
        <button type="submit">Filter</button>
        <Link href={PATH}>Clear</Link>
      </Form>

      {isDomainError(result) ? (
        <FormMessage kind="error">
          {result.message} <Link href={PATH}>Show the whole log</Link>
        </FormMessage>
      ) : result.items.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <>
          <p>
            {result.total} entr{result.total === 1 ? "y" : "ies"}.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Target</th>
                  <th scope="col">Notes</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label="Audit log pages" />
        </>
      )}
    </section>
  );
}
