import { deviceLabel } from "@/lib/auth/credentials/device-label";
import type { UserDetail } from "@/lib/admin/user-detail";
import { DeviceCells } from "../../../components/device-cells";
import { Table } from "../../../components/table";

export function DevicesSection({ devices }: { devices: UserDetail["devices"] }) {
  return (
    <>
      <h2>Sessions and devices</h2>
      {devices.length === 0 ? (
        <p>Not signed in anywhere.</p>
      ) : (
        <Table columns={["Device", "Kind", "Address", "Signed in", "Last seen"]}>
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
