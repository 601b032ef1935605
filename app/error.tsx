"use client";

import { useTranslations } from "next-intl";
import { UnavailableNotice } from "./components/unavailable-notice";

// What a person sees when a page cannot be rendered, typically because the database is
// unreachable for a moment. Production never shows the cause; the digest matches the
// server's log line for a bug report.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("notFound.unavailable");
  return <UnavailableNotice title={t("pageTitle")} digest={error.digest} retry={retry} homeLink />;
}
