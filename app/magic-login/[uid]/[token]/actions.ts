"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";
import { encodeSession, sessionCookie, sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { clientIp } from "@/lib/http/client-ip";
import { signInWithMagicLink } from "@/lib/magic-link/sign-in";
import type { ActionState } from "../../../components/action-state";
import { actionContext } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";

export async function magicSignIn(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { requestId, log } = await actionContext();
  const hdrs = await headers();
  try {
    const current = await getCurrentSession();
    const signedInUserId = current && !current.user.viewedBy ? current.user.id : null;
    const { user, secret } = await signInWithMagicLink(formLink(form), { ip: clientIp(hdrs), userAgent: hdrs.get("user-agent") }, { db: getDb(), log, signedInUserId });
    const { name, options } = sessionCookie();
    (await cookies()).set(name, await encodeSession(user, secret), { ...options, maxAge: sessionMaxAgeSeconds() });
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: err.message };
    return { status: "error", message: actionFaultMessage(err, log, "magic_link.failed", { requestId }) };
  }
  redirect("/account");
}
