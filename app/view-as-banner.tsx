import { getCurrentSession } from "@/lib/auth/who/current-user";
import { stopViewAs } from "@/lib/auth/view-as";
import { getDb } from "@/lib/db/client";
import { formatUtc } from "./components/date-time";
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
  return (
    <div role="region" aria-label="Viewing as a member" className="view-as-banner">
      <p>
        <strong>
          {viewedBy.staffUsername}, you are viewing the site as {session.user.username}.
        </strong>{" "}
        Nothing can be changed. Ends at {formatUtc(viewedBy.until)}.
      </p>
      <form action={stopViewAsAction}>
        <button type="submit">Stop viewing as {session.user.username}</button>
      </form>
    </div>
  );
}
