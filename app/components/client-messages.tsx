import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Namespace } from "@/lib/i18n/config";

/**
 * The sentences of `namespaces` for the client components below it, and no others: a page
 * would otherwise carry every sentence of the site (lib/i18n/config.ts).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: React.ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries(namespaces.map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
