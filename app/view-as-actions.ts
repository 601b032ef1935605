"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { stopViewAs } from "@/lib/admin/view-as";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

/** The banner's Stop: this browser's session shows its staff owner again; back to the member's staff page. */
export async function stopViewAsAction(): Promise<void> {
  const session = await getCurrentSession();
  const viewedBy = session?.user.viewedBy;
  if (!session || !viewedBy) redirect("/admin");
  const { userId } = await stopViewAs(viewedBy.staffId, session.sessionId, getDb(), logger);
  // The header and the banner live in the root layout: re-render it, not only the page.
  revalidatePath("/", "layout");
  redirect(userId ? `/admin/users/${userId}` : "/admin");
}
