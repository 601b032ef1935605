import { getTranslations } from "next-intl/server";
import type { UserDetail } from "@/lib/admin/user-detail";
import type { TwoFactorStatus } from "@/lib/two-factor/status";
import { DateTime } from "../../../components/date-time";

type T = Awaited<ReturnType<typeof getTranslations<"adminUsers">>>;

function twoFactorLabel(s: TwoFactorStatus, t: T): string {
  const parts = [s.totp ? t("twoFactorApp", { count: s.recovery_codes_left }) : null, s.passkeys ? t("twoFactorPasskeys", { count: s.passkeys }) : null].filter(Boolean);
  if (!parts.length) return s.required ? t("twoFactorOffRequired") : t("twoFactorOff");
  const methods = parts.join(", ");
  return s.required ? t("twoFactorRequired", { methods }) : methods;
}

export async function AccountSection({ user, twoFactor }: { user: UserDetail["user"]; twoFactor: TwoFactorStatus }) {
  const t = await getTranslations("adminUsers");
  const yesNo = (v: boolean | null | undefined) => (v ? t("yes") : t("no"));
  return (
    <>
      <h2>{t("account")}</h2>
      <dl className="details">
        <dt>{t("id")}</dt>
        <dd>{user.id}</dd>
        <dt>{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("emailVerified")}</dt>
        <dd>{user.emailVerifiedAt ? <DateTime value={user.emailVerifiedAt} /> : t("notVerified")}</dd>
        <dt>{t("active")}</dt>
        <dd>{user.isActive ? t("yes") : user.selfDeactivated ? t("closedByMember") : t("no")}</dd>
        <dt>{t("staff")}</dt>
        <dd>{user.isSuperuser ? t("yesSuperuser") : yesNo(user.isStaff)}</dd>
        <dt>{t("joined")}</dt>
        <dd>
          <DateTime value={user.dateJoined} />
        </dd>
        <dt>{t("lastSignIn")}</dt>
        <dd>
          <DateTime value={user.lastLogin} />
        </dd>
        <dt>{t("twoFactor")}</dt>
        <dd>{twoFactorLabel(twoFactor, t)}</dd>
      </dl>
    </>
  );
}
