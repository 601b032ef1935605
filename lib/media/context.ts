import type { UseCaseContext } from "../use-case/context";
import { mediaStorage, type MediaStorage } from "./storage";

/**
 * The context of a use case that stores images or answers their URLs: the process's
 * storage (from the environment) unless a test hands its own, e.g. one that records puts.
 */
export type MediaUseCaseContext = UseCaseContext & { storage?: MediaStorage };

export function storageOf(ctx: MediaUseCaseContext): MediaStorage {
  return ctx.storage ?? mediaStorage();
}
