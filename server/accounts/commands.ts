import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import * as users from "../../db/repositories/users";
import type { User } from "../../db/repositories/users";
import {
  changePasswordSchema,
  fieldErrors,
  signInSchema,
  signUpSchema,
  type SignUpInput,
} from "../../shared/validation";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../auth/passwords";
import type { SignInThrottle } from "../auth/throttle";
import { authenticationFailed, conflict, tooManyAttempts, validationError } from "../errors";
import { isUniqueViolation } from "../../db/errors";

export function parseSignUp(input: unknown): SignUpInput {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  return parsed.data;
}

/** Creates an account. The email is kept lower-case; a taken email is a field error. */
export async function signUp(db: Kysely<Database>, input: unknown): Promise<User> {
  const { name, email, password } = parseSignUp(input);
  const accountExists = () =>
    conflict("An account with this email already exists", {
      email: "An account with this email already exists. Sign in instead.",
    });
  if (await users.emailExists(db, { email })) throw accountExists();
  const passwordHash = await hashPassword(password);
  try {
    return await users.insertUser(db, { email, name, passwordHash });
  } catch (error) {
    if (isUniqueViolation(error)) throw accountExists();
    throw error;
  }
}

/** Checks credentials under the sign-in throttle; answers the same for unknown emails and bad passwords. */
export async function signIn(
  deps: { db: Kysely<Database>; throttle: SignInThrottle },
  input: unknown,
  address: string,
): Promise<User> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const { email, password } = parsed.data;

  const wait = await deps.throttle.retryAfter(email, address);
  if (wait > 0) throw tooManyAttempts(wait);

  const credentials = await users.findCredentialsByEmail(deps.db, { email });
  const valid = credentials
    ? await verifyPassword(credentials.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!credentials || !valid) {
    await deps.throttle.recordFailure(email, address);
    throw authenticationFailed();
  }
  await deps.throttle.recordSuccess(email, address);
  return credentials.user;
}

/** Replaces the password after checking the current one. The caller ends the user's sessions. */
export async function changePassword(db: Kysely<Database>, userId: string, input: unknown): Promise<void> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const currentHash = await users.findPasswordHash(db, { userId });
  if (!currentHash || !(await verifyPassword(currentHash, parsed.data.currentPassword))) {
    throw validationError({ currentPassword: "Your current password is not right" });
  }
  await users.updatePasswordHash(db, {
    userId,
    passwordHash: await hashPassword(parsed.data.newPassword),
  });
}
