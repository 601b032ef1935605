import { describe, expect, it } from "vitest";
import { http, testDb } from "../support/helpers";
import { apiInviter, freshEmail } from "../support/invite";
import { waitFor } from "../support/wait";

// The running server delivers the outbox by itself: no test calls the delivery loop
// here. Without SMTP_URL the dev mailbox is the destination.
describe("the server's outbox loop", () => {
  it("delivers an invitation email enqueued by a request, without anyone calling the loop", async () => {
    const inviter = await apiInviter(testDb());
    const email = freshEmail("delivered");
    const sent = await http("/api/users/invitations/send/", { key: inviter.key, body: { invitee_email: email } });
    expect(sent.status).toBe(201);

    // Eventually, not within a timed bound: poll until the server's loop has marked it.
    const row = await waitFor(
      "the outbox row to be delivered",
      async () => {
        const found = await testDb().outbox.findFirst({
          where: { to: email },
          select: { status: true, deliveredVia: true, deliveredAt: true },
        });
        return found?.status === "delivered" && found;
      },
      60_000,
    );
    expect(row).toMatchObject({ status: "delivered", deliveredVia: "dev_mailbox" });
    expect(row?.deliveredAt).toBeInstanceOf(Date);
  });
});
