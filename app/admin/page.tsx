import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listRecentUsers } from "@/lib/users/list-users";
import { ActionButton } from "../components/action-button";
import { Table } from "../components/table";
import { setActiveAction, setInviteAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Staff area" };

export default async function AdminHome() {
  const staff = await requireStaff("/admin");
  const users = await listRecentUsers(staff, getDb());
  return (
    <section className="card">
      <h1>Staff area</h1>
      <h2>Recent users</h2>
      <Table columns={["User", "Role", "Active", "Can invite teachers"]}>
        {users.map((u) => (
          <tr key={u.id}>
            <th scope="row">
              {u.username}
              {u.isStaff && " (staff)"}
              <br />
              <span className="hint">{u.email ?? "no usable email"}</span>
            </th>
            <td>{u.profile?.role ?? "no profile"}</td>
            <td>
              {u.isActive ? "Yes" : "No"}{" "}
              {u.id !== staff.id && (
                <ActionButton
                  inline={false}
                  action={setActiveAction}
                  fields={{ userId: u.id, active: String(!u.isActive) }}
                  label={u.isActive ? `Deactivate ${u.username}` : `Activate ${u.username}`}
                />
              )}
              <ActionButton
                inline={false}
                action={signOutEverywhereAction}
                fields={{ userId: u.id }}
                label="Sign out everywhere"
                ariaLabel={`Sign out ${u.username} everywhere`}
              />
            </td>
            <td>
              {u.profile?.canInviteTeachers ? "Yes" : "No"}{" "}
              <ActionButton
                inline={false}
                action={setInviteAction}
                fields={{ userId: u.id, canInviteTeachers: String(!u.profile?.canInviteTeachers) }}
                label={u.profile?.canInviteTeachers ? `Stop ${u.username} inviting` : `Let ${u.username} invite`}
              />
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
