import type { Device } from "@/lib/auth/credentials/devices";
import { DateTime } from "./date-time";

// The cells a device row shows wherever a member's sessions and API tokens are listed:
// the member's own security page and staff's page for that member.

export function DeviceCells({ device }: { device: Pick<Device, "kind" | "ip" | "createdAt" | "lastSeenAt"> }) {
  return (
    <>
      <td>{device.kind === "browser" ? "Browser" : "App (API token)"}</td>
      <td>{device.ip ?? "—"}</td>
      <td>
        <DateTime value={device.createdAt} />
      </td>
      <td>
        <DateTime value={device.lastSeenAt} />
      </td>
    </>
  );
}
