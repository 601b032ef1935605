"use server";

import { runLinkRequest } from "../components/link-request-action";
import type { LinkRequestState } from "../components/link-request";
import { SIGN_IN_LINK_SENT } from "@/lib/ui-messages";
import { requestMagicLink } from "@/lib/magic-link/request";

export async function magicLinkRequest(_prev: LinkRequestState, form: FormData): Promise<LinkRequestState> {
  return runLinkRequest(form, "magic_link.failed", requestMagicLink, SIGN_IN_LINK_SENT);
}
