import { z } from "zod";

export const recoveryCodesReply = z.strictObject({ recovery_codes: z.array(z.string()) }).meta({ id: "RecoveryCodes" });
export const recoveryCodesExample = { recovery_codes: ["k3v9-2m7q", "p8d4-x6tn"] };
