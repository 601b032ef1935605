import type { UserDetail } from "@/lib/admin/user-detail";
import { DateTime } from "../../../components/date-time";

const yesNo = (v: boolean | null | undefined) => (v ? "Yes" : "No");

export function AccountSection({ user }: { user: UserDetail["user"] }) {
  return (
    <>
      <h2>Account</h2>
      <dl className="details">
        <dt>Id</dt>
        <dd>{user.id}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Email verified</dt>
        <dd>{user.emailVerifiedAt ? <DateTime value={user.emailVerifiedAt} /> : "Not verified"}</dd>
        <dt>Active</dt>
        <dd>{user.isActive ? "Yes" : user.selfDeactivated ? "No (closed by the member: signing in reopens it)" : "No"}</dd>
        <dt>Staff</dt>
        <dd>{user.isSuperuser ? "Yes, superuser" : yesNo(user.isStaff)}</dd>
        <dt>Joined</dt>
        <dd>
          <DateTime value={user.dateJoined} />
        </dd>
        <dt>Last sign-in</dt>
        <dd>
          <DateTime value={user.lastLogin} />
        </dd>
      </dl>
    </>
  );
}
