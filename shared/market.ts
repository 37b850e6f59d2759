import { z } from "zod";

/** Limits of what a supplier writes when registering interest, and of a lead's answer. */
export const MARKET_LIMITS = {
  organisationLength: 200,
  contactLength: 200,
  messageLength: 4000,
  answerLength: 4000,
} as const;

/** A supplier's interest in a published opportunity. */
export const interestSchema = z.object({
  organisation: z
    .string({ message: "Enter the name of your organisation" })
    .trim()
    .min(1, "Enter the name of your organisation")
    .max(
      MARKET_LIMITS.organisationLength,
      `Organisation must be ${MARKET_LIMITS.organisationLength} characters or fewer`,
    ),
  contact: z
    .string({ message: "Enter how the city can reach you" })
    .trim()
    .min(1, "Enter how the city can reach you, such as an email address or a phone number")
    .max(MARKET_LIMITS.contactLength, `Contact must be ${MARKET_LIMITS.contactLength} characters or fewer`),
  message: z
    .string({ message: "Tell the city what you could offer" })
    .trim()
    .min(1, "Tell the city what you could offer")
    .max(MARKET_LIMITS.messageLength, `Message must be ${MARKET_LIMITS.messageLength} characters or fewer`),
});
export type InterestInput = z.infer<typeof interestSchema>;

/** A lead's answer to an interest. */
export const interestAnswerSchema = z.object({
  answer: z
    .string({ message: "Write your answer" })
    .trim()
    .min(1, "Write your answer")
    .max(MARKET_LIMITS.answerLength, `Answer must be ${MARKET_LIMITS.answerLength} characters or fewer`),
});
export type InterestAnswerInput = z.infer<typeof interestAnswerSchema>;
