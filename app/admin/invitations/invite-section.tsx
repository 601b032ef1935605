import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuthUser } from "@/lib/auth/who/types";
import { listMyInvitations } from "@/lib/invitations/list";
import { MONTHLY_LIMIT } from "@/lib/invitations/messages";
import { PERSONAL_MESSAGE_MAX } from "@/lib/invitations/send-schema";
import { SendInvitationForm } from "../../invitations/send-form";
import { AllowSelfForm } from "./allow-self-form";
import { pageContext } from "../../components/acting-context";

/**
 * "Invite a teacher" from the staff area. Invitations go out in the staff member's own
 * name under the same rules as anyone's (DOMAIN.md: the permission, 3 a month, a proven
 * address); a staff member without the permission gives it to themselves here, with a
 * reason, through the same audited staff action as on a member's page.
 */
export async function InviteSection({ staff }: { staff: AuthUser }) {
  const [mine, t] = await Promise.all([listMyInvitations({}, await pageContext(staff)), getTranslations("adminInvitations")]);
  if (!mine.canInvite) {
    return (
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("inviteHeading")}</h2>
        <p>{t("allowFirst")}</p>
        <AllowSelfForm userId={staff.id} />
      </section>
    );
  }
  return (
    <section aria-labelledby="invite-remaining">
      <p id="invite-remaining">
        <strong>{t("remaining", { remaining: mine.remainingThisMonth, limit: MONTHLY_LIMIT })}</strong>{" "}
        <span className="hint">{t.rich("remainingHint", { link: (chunks) => <Link href="/invitations">{chunks}</Link> })}</span>
      </p>
      {mine.remainingThisMonth > 0 ? (
        <SendInvitationForm messageMax={PERSONAL_MESSAGE_MAX} />
      ) : (
        <p className="notice" role="note">
          {t("allSent", { limit: MONTHLY_LIMIT })}
        </p>
      )}
    </section>
  );
}
