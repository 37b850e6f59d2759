import { z } from "zod";
import { DOCUMENT_KINDS } from "./documents";
import { ROLES } from "./roles";

export const LIMITS = {
  nameLength: 100,
  emailLength: 254,
  passwordMin: 10,
  passwordMax: 200,
  citySlugMin: 2,
  citySlugMax: 40,
  cityNameLength: 120,
  countryLength: 80,
  documentTitleLength: 200,
} as const;

export const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(LIMITS.emailLength, `Email must be ${LIMITS.emailLength} characters or fewer`)
  .email("Enter an email address in the correct format, like name@example.org")
  .transform((value) => value.toLowerCase());

export const newPassword = z
  .string()
  .min(LIMITS.passwordMin, `Password must be at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax, `Password must be ${LIMITS.passwordMax} characters or fewer`);

export const personName = z
  .string()
  .trim()
  .min(1, "Enter your name")
  .max(LIMITS.nameLength, `Name must be ${LIMITS.nameLength} characters or fewer`);

export const signUpSchema = z.object({
  name: personName,
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(LIMITS.passwordMax),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(LIMITS.passwordMax),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    message: "The passwords do not match",
    path: ["confirmPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const citySlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(LIMITS.citySlugMin, `Web address must be at least ${LIMITS.citySlugMin} characters`)
  .max(LIMITS.citySlugMax, `Web address must be ${LIMITS.citySlugMax} characters or fewer`)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "Use lowercase letters, numbers and single hyphens, like milton-keynes",
  );

export const createCitySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the city's name")
    .max(LIMITS.cityNameLength, `Name must be ${LIMITS.cityNameLength} characters or fewer`),
  slug: citySlug,
  country: z
    .string()
    .trim()
    .min(1, "Enter the country")
    .max(LIMITS.countryLength, `Country must be ${LIMITS.countryLength} characters or fewer`),
});
export type CreateCityInput = z.infer<typeof createCitySchema>;

export const role = z.enum(ROLES, { message: "Choose a role" });

export const documentTitle = z
  .string()
  .trim()
  .min(1, "Enter a title")
  .max(LIMITS.documentTitleLength, `Title must be ${LIMITS.documentTitleLength} characters or fewer`);

export const createDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { message: `Choose a kind: ${DOCUMENT_KINDS.join(", ")}` }),
  title: documentTitle,
});
export type CreateDocumentInput = z.infer<typeof createDocumentSchema>;

export const inviteSchema = z.object({ email, role });
export type InviteInput = z.infer<typeof inviteSchema>;

/** Field errors keyed by field name: the first message for each field. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Accepts only local paths as redirect targets, so a link cannot send someone off-site. */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters in a path are what must be refused
  if (/[\u0000-\u001f\\]/.test(target)) return fallback;
  return target;
}
