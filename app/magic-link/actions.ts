"use server";

import { runLinkRequest } from "../components/link-request-action";
import type { LinkRequestState } from "../components/link-request";
import { MAGIC_LINK_SENT } from "@/lib/magic-link/messages";
import { requestMagicLink } from "@/lib/magic-link/request";

export async function magicLinkRequest(_prev: LinkRequestState, form: FormData): Promise<LinkRequestState> {
  return runLinkRequest(form, "magic_link.failed", requestMagicLink, MAGIC_LINK_SENT);
}
