import type { Device } from "@/lib/auth/credentials/devices";
import { DateTime } from "./date-time";

// The cells a device row shows wherever a member's sessions and API tokens are listed:
// the member's own security page and staff's page for that member. data-label names
// the column when a .stack-table turns its rows into cards on a phone.

export function DeviceCells({ device }: { device: Pick<Device, "kind" | "ip" | "createdAt" | "lastSeenAt"> }) {
  return (
    <>
      <td data-label="Kind">{device.kind === "browser" ? "Browser" : "App (API token)"}</td>
      <td data-label="Address">{device.ip ?? "—"}</td>
      <td data-label="Signed in">
        <DateTime value={device.createdAt} />
      </td>
      <td data-label="Last seen">
        <DateTime value={device.lastSeenAt} />
      </td>
    </>
  );
}
