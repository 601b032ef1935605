import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/app/format";
import { requireStaff } from "@/lib/auth/current-user";
import { listAuditLog } from "@/lib/audit/list";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { Pagination, queryOf } from "../pagination";

export const metadata: Metadata = { title: "Audit log · Staff area" };

const FILTERS = ["action", "actorId", "targetType", "targetId"] as const;
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

const filterHref = (params: Record<string, string>) => `/admin/audit?${new URLSearchParams(params)}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const query = queryOf(await searchParams, [...FILTERS, "pageSize", "page"]);
  let result;
  let error: string | undefined;
  try {
    result = await listAuditLog(query, staff, getDb());
  } catch (err) {
    if (!isDomainError(err)) throw err;
    error = err.message;
  }
  const { page: _page, ...filters } = query;

  return (
    <section className="card">
      <h1>Audit log</h1>
      <p className="hint">Every staff action and every change to invitations, applications and permissions, newest first.</p>
      <form method="get" action="/admin/audit" className="filters" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="action">Action</label>
          <input id="action" name="action" list="audit-actions" defaultValue={query.action ?? ""} maxLength={64} />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="actorId">Actor id</label>
          <input id="actorId" name="actorId" inputMode="numeric" defaultValue={query.actorId ?? ""} maxLength={10} />
        </div>
        <div className="field">
          <label htmlFor="targetType">Target type</label>
          <select id="targetType" name="targetType" defaultValue={query.targetType ?? ""}>
            <option value="">Any</option>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="targetId">Target id</label>
          <input id="targetId" name="targetId" inputMode="numeric" defaultValue={query.targetId ?? ""} maxLength={10} />
        </div>
        <button type="submit">Filter</button>
        <Link href="/admin/audit">Clear</Link>
      </form>

      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {result && result.items.length === 0 && <p>No entries match.</p>}
      {result && result.items.length > 0 && (
        <>
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
                      <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
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
                    <td className="wrap-anywhere">
                      {e.details !== null && <code>{JSON.stringify(e.details)}</code>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination path="/admin/audit" query={filters} page={result.page} pageCount={result.pageCount} total={result.total} noun="entries" />
        </>
      )}
    </section>
  );
}
