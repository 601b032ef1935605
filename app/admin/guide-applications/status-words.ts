import { getTranslations } from "next-intl/server";

/** An application's stored status as the reader's word for it ("pending" stays the code in English). */
export async function applicationStatusWords(): Promise<(status: string) => string> {
  const t = await getTranslations("adminGuideApplications");
  const words: Record<string, string> = { pending: t("statusPending"), approved: t("statusApproved"), rejected: t("statusRejected") };
  return (status) => words[status] ?? status;
}
