import Link from "next/link";
import { DateTime } from "../components/date-time";

/** One audit entry's When / Who / What / Target cells, for the staff lists that show them. */
export function AuditCells({ event: e }: { event: { createdAt: Date; actor: { id: number; username: string } | null; action: string; targetType: string; targetId: number | null } }) {
  return (
    <>
      <td>
        <DateTime value={e.createdAt} />
      </td>
      <td>{e.actor ? <Link href={`/admin/users/${e.actor.id}`}>{e.actor.username}</Link> : "System"}</td>
      <th scope="row">{e.action}</th>
      <td>
        {e.targetType === "User" && e.targetId !== null ? (
          <Link href={`/admin/users/${e.targetId}`}>User #{e.targetId}</Link>
        ) : (
          `${e.targetType}${e.targetId !== null ? ` #${e.targetId}` : ""}`
        )}
      </td>
    </>
  );
}
