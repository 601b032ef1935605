import { getTranslations } from "next-intl/server";
import { statusWords } from "../status-words";

/** An outbox message's stored status as the reader's word for it (the code itself in English). */
export async function outboxStatusWords(): Promise<(status: string) => string> {
  return statusWords(await getTranslations("adminOutbox"), { pending: "statusPending", delivered: "statusDelivered", failed: "statusFailed" });
}
