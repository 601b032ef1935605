import { randomUUID } from "node:crypto";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { checkImage, type CheckedImage } from "../media/image-check";
import { storageOf, type MediaUseCaseContext } from "../media/context";
import { requireSignedIn } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { profilePatchSchema, type ImageColumn } from "./profile-patch-schema";

const API_NAME: Record<ImageColumn, string> = {
  profileImage: "profile_image",
  showcaseImage1: "showcase_image_1",
  showcaseImage2: "showcase_image_2",
  showcaseImage3: "showcase_image_3",
};

/** A new key per upload: a stored file never changes, so caches may keep it for ever. */
function newKey(userId: number, column: ImageColumn, image: CheckedImage): string {
  const folder = column === "profileImage" ? "profile_image" : "showcase";
  return `user_${userId}/${folder}/${randomUUID()}.${image.extension}`;
}

const notFound = () => new DomainError("not_found", "Your account could not be found. Sign in again.", 404);

/**
 * A person edits their own profile over the API (PUT/PATCH /api/users/profile/): the
 * fields given change (blank clears), the others stay; an uploaded image replaces the old
 * one, an empty value removes it. Nothing is half-made: every image is checked before any
 * is stored, new files are stored before the row changes (and removed again if it does
 * not), and the files they replace are removed only after the row committed.
 */
export async function patchOwnProfile(input: unknown, ctx: MediaUseCaseContext): Promise<string[]> {
  const { id: userId } = requireSignedIn(ctx);
  const { fields, images } = parseInput(profilePatchSchema, input);
  const storage = storageOf(ctx);

  const uploads: { column: ImageColumn; key: string; image: CheckedImage }[] = [];
  for (const [column, value] of Object.entries(images) as [ImageColumn, Blob | null | undefined][]) {
    if (!(value instanceof Blob)) continue;
    const image = checkImage(API_NAME[column], new Uint8Array(await value.arrayBuffer()));
    uploads.push({ column, key: newKey(userId, column, image), image });
  }

  const stored: string[] = [];
  const forget = async (keys: string[]) => {
    for (const key of keys) {
      await storage.delete(key).catch((err: unknown) => {
        ctx.log.warn({ event: "media.delete_failed", key, err }, "a media file could not be removed");
      });
    }
  };

  const imageChanges: Partial<Record<ImageColumn, string | null>> = {};
  for (const [column, value] of Object.entries(images) as [ImageColumn, Blob | null | undefined][]) {
    if (value === null) imageChanges[column] = null;
  }
  let replaced: string[];
  try {
    for (const u of uploads) {
      await storage.put(u.key, u.image.bytes, u.image.contentType);
      stored.push(u.key);
      imageChanges[u.column] = u.key;
    }
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    replaced = await inTransaction(ctx.db, async (tx) => {
      // The row lock orders two edits of one profile: each removes exactly the files it replaced.
      const [before] = await tx.$queryRaw<Record<ImageColumn, string | null>[]>`
        SELECT p."profileImage", p."showcaseImage1", p."showcaseImage2", p."showcaseImage3"
        FROM "Profile" p JOIN "User" u ON u."id" = p."userId"
        WHERE p."userId" = ${userId} AND u."isActive"
        FOR UPDATE OF p`;
      if (!before) throw notFound();
      const { count } = await tx.profile.updateMany({
        where: { userId, user: { isActive: true } },
        data: { ...changes, ...imageChanges, updatedAt: new Date() },
      });
      if (count !== 1) throw notFound();
      return (Object.keys(imageChanges) as ImageColumn[]).map((c) => before[c]).filter((k): k is string => k !== null);
    });
  } catch (err) {
    await forget(stored);
    throw err;
  }
  await forget(replaced.filter((k) => !stored.includes(k)));

  const changed = [
    ...Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k),
    ...Object.keys(imageChanges),
  ];
  ctx.log.info(
    { event: "profile.updated", userId, fields: changed, images: uploads.map((u) => ({ field: API_NAME[u.column], width: u.image.width, height: u.image.height, bytes: u.image.bytes.byteLength })), via: "api" },
    "profile updated",
  );
  return changed;
}
