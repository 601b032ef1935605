import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserDetail } from "@/lib/admin/user-detail";
import { Table } from "../../../components/table";
import { AuditCells } from "../../audit-cells";

export async function HistorySection({ user, audit }: { user: UserDetail["user"]; audit: UserDetail["audit"] }) {
  const t = await getTranslations("adminUsers");
  return (
    <>
      <h2>{t("history")}</h2>
      <p className="hint">
        {t("historyHint", { count: audit.length, username: user.username })}{" "}
        <Link href={`/admin/audit?${new URLSearchParams({ about: user.username })}`}>{t("allAboutThem")}</Link>
      </p>
      {audit.length === 0 ? (
        <p>{t("nothingRecorded")}</p>
      ) : (
        <Table columns={[t("colWhen"), t("colWho"), t("colWhat"), t("colAbout"), t("colNotes")]}>
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
