import { DomainError } from "../errors";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { profileUpdateSchema } from "./profile-schema";

/** A person edits their own display name and bio. */
export async function updateOwnProfile(input: unknown, ctx: UseCaseContext) {
  const actor = requireSignedIn(ctx);
  const data = parseInput(profileUpdateSchema, input);
  const { count } = await ctx.db.profile.updateMany({
    where: { userId: actor.id, user: { isActive: true } },
    data: { displayName: data.displayName, bio: data.bio, updatedAt: new Date() },
  });
  if (count !== 1) throw new DomainError("not_found", "Your account could not be found. Sign in again.", 404);
  ctx.log.info({ event: "profile.updated", userId: actor.id }, "profile updated");
  return data;
}
