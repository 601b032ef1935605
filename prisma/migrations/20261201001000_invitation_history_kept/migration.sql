-- An invitation others' history depends on outlives its inviter (issue 10 point 7):
-- deleting an account removes the pending invitations it sent (lib/users/delete-account.ts
-- deletes them first, in the same transaction), while accepted, expired and cancelled
-- ones stay with the inviter gone ("inviterId" NULL). A pending invitation always has
-- its inviter: if one were still pending when the inviter goes, SET NULL would break
-- this CHECK and roll the deletion back rather than leave an ownerless live invitation.
ALTER TABLE "TeacherInvitation" ALTER COLUMN "inviterId" DROP NOT NULL;
ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_pending_has_inviter"
    CHECK ("status" <> 'pending' OR "inviterId" IS NOT NULL);
ALTER TABLE "TeacherInvitation" DROP CONSTRAINT "TeacherInvitation_inviterId_fkey";
ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_inviterId_fkey"
    FOREIGN KEY ("inviterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
