import Link from "next/link";
import type { AuditTarget } from "@/lib/audit/names";
import { describeAction, describeDetails, describeTargetType } from "@/lib/audit/wording";
import { DateTime } from "../components/date-time";

type AuditEvent = { createdAt: Date; actor: { id: number; username: string } | null; action: string; target: AuditTarget };

/** Who an entry is about: the member's name (linked), or what kind of thing and its number. */
export function AuditTargetName({ target }: { target: AuditTarget }) {
  if (target.type === "User" && target.id !== null) {
    return <Link href={`/admin/users/${target.id}`}>{target.username ?? `Deleted member (#${target.id})`}</Link>;
  }
  return <>{`${describeTargetType(target.type)}${target.id !== null ? ` #${target.id}` : ""}`}</>;
}

/** One audit entry's When / Who / What / About cells, for the staff lists that show them. */
export function AuditCells({ event: e }: { event: AuditEvent }) {
  return (
    <>
      <td>
        <DateTime value={e.createdAt} />
      </td>
      <td>{e.actor ? <Link href={`/admin/users/${e.actor.id}`}>{e.actor.username}</Link> : "System"}</td>
      <th scope="row">
        <span title={e.action}>{describeAction(e.action)}</span>
      </th>
      <td>
        <AuditTargetName target={e.target} />
      </td>
    </>
  );
}

/** An entry's details as labelled values, never raw JSON. */
export function AuditDetails({ details }: { details: unknown }) {
  const pairs = describeDetails(details);
  if (pairs.length === 0) return null;
  return (
    <dl className="inline-details">
      {pairs.map(([label, value], i) => (
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
