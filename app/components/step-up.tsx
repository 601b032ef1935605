import { getCurrentSession } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { stepUpStatus } from "@/lib/two-factor/step-up";
import { StepUpForm } from "./step-up-form";

/** "Confirm it's you", shown only to someone with an authenticator app (lib/two-factor/step-up.ts). */
export async function StepUp({ page }: { page: string }) {
  const session = await getCurrentSession();
  if (!session || session.user.viewedBy) return null;
  const status = await stepUpStatus(getDb(), session.user.id, { kind: "browser", id: session.sessionId });
  if (!status.offered) return null;
  return <StepUpForm page={page} fresh={status.fresh} />;
}
