import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AuditTarget } from "@/lib/audit/names";
import { describeAction, describeDetails, describeTargetType } from "@/lib/audit/wording";
import { DateTime } from "../components/date-time";

type AuditEvent = { createdAt: Date; actor: { id: number; username: string } | null; action: string; target: AuditTarget };

/** Who an entry is about: the member's name (linked), or what kind of thing and its number. */
export async function AuditTargetName({ target }: { target: AuditTarget }) {
  const t = await getTranslations("adminAudit");
  if (target.type === "User" && target.id !== null) {
    return <Link href={`/admin/users/${target.id}`}>{target.username ?? t("deletedMember", { id: target.id })}</Link>;
  }
  return <>{`${describeTargetType(target.type, await getLocale())}${target.id !== null ? ` #${target.id}` : ""}`}</>;
}

/** One audit entry's When / Who / What / About cells, for the staff lists that show them. */
export async function AuditCells({ event: e }: { event: AuditEvent }) {
  const [t, locale] = await Promise.all([getTranslations("adminAudit"), getLocale()]);
  return (
    <>
      <td>
        <DateTime value={e.createdAt} />
      </td>
      <td>{e.actor ? <Link href={`/admin/users/${e.actor.id}`}>{e.actor.username}</Link> : t("system")}</td>
      <th scope="row">
        <span title={e.action}>{describeAction(e.action, locale)}</span>
      </th>
      <td>
        <AuditTargetName target={e.target} />
      </td>
    </>
  );
}

/** An entry's details as labelled values, never raw JSON. */
export async function AuditDetails({ details }: { details: unknown }) {
  const pairs = describeDetails(details, await getLocale());
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
