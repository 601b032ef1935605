import { z } from "zod";
import { EXCHANGE_CODE_REQUIRED, INVALID_EXCHANGE_CODE } from "./messages";

export const exchangeSchema = z.object({
  code: z.string({ error: EXCHANGE_CODE_REQUIRED }).min(1, EXCHANGE_CODE_REQUIRED).max(200, INVALID_EXCHANGE_CODE),
});
