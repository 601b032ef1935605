import { countOf } from "@/lib/admin/plural";
import type { UserDetail } from "@/lib/admin/user-detail";
import type { TwoFactorStatus } from "@/lib/two-factor/status";
import { DateTime } from "../../../components/date-time";

const yesNo = (v: boolean | null | undefined) => (v ? "Yes" : "No");

function twoFactorLabel(s: TwoFactorStatus): string {
  const parts = [s.totp ? `authenticator app (${countOf(s.recovery_codes_left, "recovery code", "recovery codes")} left)` : null, s.passkeys ? countOf(s.passkeys, "passkey", "passkeys") : null].filter(Boolean);
  const required = s.required ? " (required)" : "";
  return parts.length ? `${parts.join(", ")}${required}` : `Off${required}`;
}

export function AccountSection({ user, twoFactor }: { user: UserDetail["user"]; twoFactor: TwoFactorStatus }) {
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
        <dt>Two-factor</dt>
        <dd>{twoFactorLabel(twoFactor)}</dd>
      </dl>
    </>
  );
}
