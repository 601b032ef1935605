import { useTranslations } from "next-intl";
import type { Device } from "@/lib/auth/credentials/devices";
import { DateTime } from "./date-time";

// The cells a device row shows wherever a member's sessions and API tokens are listed:
// the member's own security page and staff's page for that member. data-label names
// the column when a .stack-table turns its rows into cards on a phone.

export function DeviceCells({ device }: { device: Pick<Device, "kind" | "ip" | "createdAt" | "lastSeenAt"> }) {
  const t = useTranslations("common.devices");
  return (
    <>
      <td data-label={t("kind")}>{device.kind === "browser" ? t("browser") : t("app")}</td>
      <td data-label={t("address")}>{device.ip ?? "—"}</td>
      <td data-label={t("signedIn")}>
        <DateTime value={device.createdAt} />
      </td>
      <td data-label={t("lastSeen")}>
        <DateTime value={device.lastSeenAt} />
      </td>
    </>
  );
}
