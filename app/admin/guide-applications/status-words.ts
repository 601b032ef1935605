import { getTranslations } from "next-intl/server";
import { statusWords } from "../status-words";

/** An application's stored status as the reader's word for it ("pending" stays the code in English). */
export async function applicationStatusWords(): Promise<(status: string) => string> {
  return statusWords(await getTranslations("adminGuideApplications"), { pending: "statusPending", approved: "statusApproved", rejected: "statusRejected" });
}
