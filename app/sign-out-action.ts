"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { endSession } from "@/lib/auth/credentials/browser-session";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";

// The header's "Sign out" button on every page: deletes this browser's Session row (a
// copied cookie stops working at once) and the cookie.
export async function signOut(): Promise<void> {
  const user = await getCurrentUser();
  await endSession();
  if (user) {
    const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
    logger.info({ event: "logout.succeeded", userId: user.id, requestId }, "signed out");
  }
  redirect("/?signed-out=1");
}
