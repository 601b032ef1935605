import { signOutEverywhereSchema } from "./schemas";
import { parseStaffInput, staffAction } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

/** Ends every session and API token of one account; the account itself stays as it is. */
export async function signOutEverywhere(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string; revoked: number }> {
  const { userId, reason } = parseStaffInput(ctx, signOutEverywhereSchema, input);
  return staffAction(ctx, { userId, reason, action: "session.revoked_all" }, async (tx, target) => {
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId } });
    await tx.trustedBrowser.deleteMany({ where: { userId } }); // and "trust this browser" (issue 20)
    return { result: { userId, username: target.username, revoked: sessions.count + tokens.count }, details: { sessions: sessions.count, tokens: tokens.count } };
  });
}
