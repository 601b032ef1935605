import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import Link from "next/link";
import { ActionButton } from "../../components/action-button";
import { ConfirmStep, DangerZone } from "../../components/confirm-step";
import { FormMessage } from "../../components/field";
import { first, type SearchParams } from "../../components/search-params";
import { SIGNED_OUT_OTHERS } from "@/lib/ui-messages";
import { Day } from "../../components/date-time";
import { DeviceCells } from "../../components/device-cells";
import { GoogleSignIn } from "../../components/google-sign-in";
import { getCurrentSession, requireUser } from "@/lib/auth/who/current-user";
import { deviceLabel } from "@/lib/auth/credentials/device-label";
import { listDevices } from "@/lib/auth/credentials/devices";
import { getDb } from "@/lib/db/client";
import { googleClientIds } from "@/lib/google-login/config";
import { googleLinkOf } from "@/lib/google-login/unlink";
import { endDeviceAction, endOtherDevicesAction, unlinkGoogleAction } from "./actions";
import { DeactivateForm } from "./deactivate-form";
import { DeleteForm } from "./delete-form";
import { PasswordForm } from "./password-form";
import { EmailForm } from "./email-form";
import { StepUp } from "../../components/step-up";
import { twoFactorStatusOf } from "@/lib/two-factor/status";
import { TwoFactorSection } from "./two-factor-section";
import { PasskeysSection } from "./passkeys-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/account/security");
  // Only a count for the sentence, after "Sign out everywhere else".
  const signedOutOthers = first((await searchParams)["signed-out-others"]);
  const session = (await getCurrentSession())!;
  const devices = await listDevices(getDb(), session.user.id, { kind: "browser", id: session.sessionId });
  const others = devices.filter((d) => !d.current).length;
  const googleLink = await googleLinkOf(getDb(), session.user.id);
  const googleClientId = googleClientIds()[0];
  const t = await getTranslations("security");
  const locale = await getLocale();
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p>
        <Link href="/account">{t("backToAccount")}</Link>
      </p>
      <h2>{t("devices.title")}</h2>
      {signedOutOthers && /^\d{1,6}$/.test(signedOutOthers) && <FormMessage kind="success">{translateDomainSentence(SIGNED_OUT_OTHERS(Number(signedOutOthers)), locale)}</FormMessage>}
      <div className="table-wrap stack-wrap">
        <table aria-label={t("devices.tableLabel")} className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t("devices.device")}</th>
              <th scope="col">{t("devices.kind")}</th>
              <th scope="col">{t("devices.address")}</th>
              <th scope="col">{t("devices.signedIn")}</th>
              <th scope="col">{t("devices.lastSeen")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("devices.action")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} data-device={d.id}>
                <td data-label={t("devices.device")}>
                  {deviceLabel(d.userAgent)}
                  {d.current && <strong>{t("devices.thisDevice")}</strong>}
                </td>
                <DeviceCells device={d} />
                <td>
                  {d.current ? (
                    <span className="hint">{t("devices.useHeader")}</span>
                  ) : (
                    <ActionButton
                      action={endDeviceAction}
                      fields={{ id: d.id }}
                      label={t("devices.signOut")}
                      ariaLabel={t("devices.signOutNamed", { device: deviceLabel(d.userAgent) })}
                      className="button-secondary"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 && (
        <ConfirmStep opener={t("devices.othersOpener")}>
          <p>{t("devices.othersQuestion", { count: others })}</p>
          <ActionButton action={endOtherDevicesAction} fields={{}} label={t("devices.othersSubmit")} inline={false} className="button-danger" />
        </ConfirmStep>
      )}
      {(googleLink || googleClientId) && (
        <>
          <h2>{t("google.title")}</h2>
          {googleLink ? (
            <>
              <p>
                {t.rich(googleLink.email ? "google.linkedWithEmail" : "google.linked", {
                  day: () => <Day value={googleLink.createdAt} />,
                  email: googleLink.email ?? "",
                })}
              </p>
              <ActionButton action={unlinkGoogleAction} fields={{}} label={t("google.unlink")} inline={false} />
            </>
          ) : (
            <>
              <p>{t("google.notLinked")}</p>
              {!session.user.viewedBy && <GoogleSignIn clientId={googleClientId!} next="/account/security" divider={false} />}
            </>
          )}
        </>
      )}
      <StepUp page="/account/security" />
      {session.user.email && <EmailForm current={session.user.email} />}
      <PasswordForm />
      <TwoFactorSectionFor userId={session.user.id} />
      <PasskeysSection userId={session.user.id} />
      <DangerZone>
        <DeactivateForm />
        <DeleteForm username={session.user.username} />
      </DangerZone>
    </section>
  );
}

async function TwoFactorSectionFor({ userId }: { userId: number }) {
  const status = await twoFactorStatusOf(getDb(), userId);
  return <TwoFactorSection totp={status.totp} recoveryCodesLeft={status.recovery_codes_left} required={status.required} hasPasskey={status.passkeys > 0} />;
}
