import { getTranslations } from "next-intl/server";
import type { UserDetail } from "@/lib/admin/user-detail";

export async function ProfileSection({ profile: p }: { profile: UserDetail["user"]["profile"] }) {
  const t = await getTranslations("adminUsers");
  const yesNo = (v: boolean | null | undefined) => (v ? t("yes") : t("no"));
  const roleWords: Record<string, string> = { explorer: t("roleExplorer"), guide: t("roleGuide"), both: t("roleBoth") };
  return (
    <>
      <h2>{t("profile")}</h2>
      {p ? (
        <dl className="details">
          <dt>{t("displayName")}</dt>
          <dd>{p.displayName ?? "—"}</dd>
          <dt>{t("name")}</dt>
          <dd>{[p.firstName, p.lastName].filter(Boolean).join(" ") || "—"}</dd>
          <dt>{t("role")}</dt>
          <dd>{roleWords[p.role] ?? p.role}</dd>
          <dt>{t("activeGuide")}</dt>
          <dd>{yesNo(p.activeGuide)}</dd>
          <dt>{t("mayInviteTeachers")}</dt>
          <dd>{yesNo(p.canInviteTeachers)}</dd>
          <dt>{t("bio")}</dt>
          <dd>{p.bio || "—"}</dd>
        </dl>
      ) : (
        <p>{t("noProfileSentence")}</p>
      )}
    </>
  );
}
