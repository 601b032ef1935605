import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LinkRequestForm } from "../components/link-request-form";
import { linkTtlMinutes } from "@/lib/one-time-links/config";
import { magicLinkRequest } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("magicLink"))("requestTitle") };
}

export default async function MagicLinkPage() {
  const t = await getTranslations("magicLink");
  return (
    <section className="card">
      <LinkRequestForm
        action={magicLinkRequest}
        heading={t("requestTitle")}
        intro={t("requestIntro", { minutes: linkTtlMinutes("magic_login") })}
        button={t("requestButton")}
        busy={t("sending")}
      />
      <p>
        <Link href="/login">{t("withPassword")}</Link>
      </p>
    </section>
  );
}
