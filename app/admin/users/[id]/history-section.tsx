import Link from "next/link";
import type { UserDetail } from "@/lib/admin/user-detail";
import { Table } from "../../../components/table";
import { AuditCells } from "../../audit-cells";

export function HistorySection({ user, audit }: { user: UserDetail["user"]; audit: UserDetail["audit"] }) {
  return (
    <>
      <h2>History</h2>
      <p className="hint">
        The latest {audit.length} audit entries by or about {user.username}.{" "}
        <Link href={`/admin/audit?${new URLSearchParams({ about: user.username })}`}>All entries about them</Link>
      </p>
      {audit.length === 0 ? (
        <p>Nothing recorded.</p>
      ) : (
        <Table columns={["When", "Who", "What", "About", "Reason / notes"]}>
          {audit.map((e) => (
            <tr key={e.id}>
              <AuditCells event={e} />
              <td className="wrap-anywhere">{e.notes ?? ""}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
