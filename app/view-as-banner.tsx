import { getTranslations } from "next-intl/server";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { stopViewAs } from "@/lib/admin/view-as";
import { getDb } from "@/lib/db/client";
import { DateTime } from "./components/date-time";
import { stopViewAsAction } from "./view-as-actions";

// On every page (the root layout) while a staff member views the site as a member: who is
// viewed, until when, and Stop. A plain form: works without JavaScript.
export async function ViewAsBanner() {
  const session = await getCurrentSession();
  if (session?.viewAsEnded) {
    // The hour ran out (or the member became staff or inactive): record the end once.
    await stopViewAs(session.user.id, session.sessionId, getDb());
    return null;
  }
  const viewedBy = session?.user.viewedBy;
  if (!session || !viewedBy) return null;
  const t = await getTranslations("viewAs");
  return (
    <div role="region" aria-label={t("label")} className="view-as-banner">
      <p>
        <strong>{t("viewing", { staff: viewedBy.staffUsername, member: session.user.username })}</strong>{" "}
        <span id="view-as-why">{t("formsOff")}</span> {t.rich("endsAt", { time: () => <DateTime value={viewedBy.until} /> })}
      </p>
      <form action={stopViewAsAction}>
        <button type="submit">{t("stop", { member: session.user.username })}</button>
      </form>
    </div>
  );
}

/**
 * The page under the banner while viewing as a member: one disabled fieldset around it, so
 * every field and button says at once (not after a refused submit) that nothing can be
 * changed. The server refuses the changes anyway (requireUserAction and the trigger).
 */
export async function ViewOnlyFrame({ children }: { children: React.ReactNode }) {
  const session = await getCurrentSession();
  if (!session?.user.viewedBy || session.viewAsEnded) return <>{children}</>;
  return (
    <fieldset disabled className="view-only" aria-describedby="view-as-why">
      {children}
    </fieldset>
  );
}
