import type { Prisma } from "../db/client";
import type { GuideApplicationStatus } from "./list-schema";

/** What every reader of an application gets: the row with names instead of bare ids. */
export interface GuideApplicationView {
  id: number;
  status: GuideApplicationStatus;
  motivation: string;
  experience: string | null;
  subjectsToTeach: string;
  adminNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewedAt: Date | null;
  applicant: { id: number; username: string; email: string | null };
  referredBy: { id: number; username: string } | null;
  reviewedBy: { id: number; username: string } | null;
}

export const applicationViewSelect = {
  id: true,
  status: true,
  motivation: true,
  experience: true,
  subjectsToTeach: true,
  adminNotes: true,
  createdAt: true,
  updatedAt: true,
  reviewedAt: true,
  user: { select: { id: true, username: true, email: true } },
  referredBy: { select: { id: true, username: true } },
  reviewedBy: { select: { id: true, username: true } },
} satisfies Prisma.GuideApplicationSelect;

type Selected = Prisma.GuideApplicationGetPayload<{ select: typeof applicationViewSelect }>;

export function toView({ user, ...row }: Selected): GuideApplicationView {
  return { ...row, applicant: user };
}
