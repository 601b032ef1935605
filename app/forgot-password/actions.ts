"use server";

import { runLinkRequest } from "../components/link-request-action";
import type { LinkRequestState } from "../components/link-request";
import { RESET_REQUESTED } from "@/lib/password-reset/messages";
import { requestPasswordReset } from "@/lib/password-reset/request";

export async function forgotPassword(_prev: LinkRequestState, form: FormData): Promise<LinkRequestState> {
  return runLinkRequest(form, "password_reset.failed", requestPasswordReset, RESET_REQUESTED);
}
