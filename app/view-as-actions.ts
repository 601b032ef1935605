"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { stopViewAs } from "@/lib/admin/view-as";
import { actionContext } from "@/lib/use-case/action-context";

/** The banner's Stop: this browser's session shows its staff owner again; back to the member's staff page. */
export async function stopViewAsAction(): Promise<void> {
  const session = await getCurrentSession();
  const viewedBy = session?.user.viewedBy;
  if (!session || !viewedBy) redirect("/admin");
  const ctx = await actionContext({ kind: "staff", id: viewedBy.staffId, isStaff: true, via: "session" });
  const { userId } = await stopViewAs({}, { ...ctx, credential: { kind: "browser", id: session.sessionId } });
  // The header and the banner live in the root layout: re-render it, not only the page.
  revalidatePath("/", "layout");
  redirect(userId ? `/admin/users/${userId}` : "/admin");
}
