import { z } from "zod";
import { idSchema, paginationFields } from "../validation/pagination";

export const OUTBOX_STATUSES = ["pending", "delivered", "failed"] as const;

export const listOutboxSchema = z.object(
  {
    status: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.enum(OUTBOX_STATUSES, { error: "Status must be one of: pending, delivered, failed." }).optional(),
    ),
    ...paginationFields,
  },
  { error: "The query must be an object." },
);
export type ListOutboxInput = z.input<typeof listOutboxSchema>;

export const outboxMessageSchema = z.object({ id: idSchema("Message id") }, { error: "The query must be an object." });
export type OutboxMessageInput = z.input<typeof outboxMessageSchema>;
