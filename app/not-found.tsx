import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "./components/ui";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <ButtonLink href="/">{t("home")}</ButtonLink>
      </p>
    </section>
  );
}
