import { getTranslations } from "next-intl/server";

/** An outbox message's stored status as the reader's word for it (the code itself in English). */
export async function outboxStatusWords(): Promise<(status: string) => string> {
  const t = await getTranslations("adminOutbox");
  const words: Record<string, string> = { pending: t("statusPending"), delivered: t("statusDelivered"), failed: t("statusFailed") };
  return (status) => words[status] ?? status;
}
