import { z } from "zod";

export const SPACE_LIMITS = {
  nameLength: 80,
  purposeLength: 600,
  threadTitleLength: 160,
  postLength: 4000,
} as const;

const trimmed = (label: string, min: number, max: number) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be ${max} characters or fewer`);

export const createSpaceSchema = z.object({
  name: trimmed("Name", 3, SPACE_LIMITS.nameLength),
  purpose: z
    .string()
    .trim()
    .max(SPACE_LIMITS.purposeLength, `Purpose must be ${SPACE_LIMITS.purposeLength} characters or fewer`)
    .default(""),
});

export const startDiscussionSchema = z.object({
  title: trimmed("Subject", 1, SPACE_LIMITS.threadTitleLength),
  body: trimmed("Message", 1, SPACE_LIMITS.postLength),
});

export const discussionReplySchema = z.object({
  body: trimmed("Reply", 1, SPACE_LIMITS.postLength),
});

/** What a city's part in a shared space is called on the page. */
export const SPACE_CITY_STATUS_LABELS = {
  invited: "Invited",
  member: "Taking part",
  declined: "Declined",
  left: "Left",
  removed: "Removed",
} as const;

/** A readable web address for a new space: its name in lower case, with a random ending so no two clash. */
export function spaceSlugFor(name: string, random: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return base ? `${base}-${random}` : random;
}
