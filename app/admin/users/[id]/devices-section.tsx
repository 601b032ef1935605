import { getTranslations } from "next-intl/server";
import { deviceLabel } from "@/lib/auth/credentials/device-label";
import type { UserDetail } from "@/lib/admin/user-detail";
import { DeviceCells } from "../../../components/device-cells";
import { Table } from "../../../components/table";

export async function DevicesSection({ devices }: { devices: UserDetail["devices"] }) {
  const t = await getTranslations("adminUsers");
  return (
    <>
      <h2>{t("devices")}</h2>
      {devices.length === 0 ? (
        <p>{t("notSignedIn")}</p>
      ) : (
        <Table columns={[t("colDevice"), t("colKind"), t("colAddress"), t("colSignedIn"), t("colLastSeen")]}>
          {devices.map((d) => (
            <tr key={d.id}>
              <th scope="row">{deviceLabel(d.userAgent)}</th>
              <DeviceCells device={d} />
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
