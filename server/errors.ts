import type { FieldErrors } from "../shared/validation";

/** A failure the user can act on: it carries an HTTP status, a stable id and a readable message. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly fields: FieldErrors = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const validationError = (fields: FieldErrors, message = "Check the highlighted fields") =>
  new DomainError(400, "validation_error", message, fields);

export const authenticationFailed = () =>
  new DomainError(401, "authentication_failed", "The email or password is not right", {
    form: "The email or password is not right",
  });

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new DomainError(
    429,
    "too_many_attempts",
    `Too many failed attempts. Try again in ${formatWait(retryAfterSeconds)}.`,
    {},
    retryAfterSeconds,
  );

export const notFound = (message = "Page not found") => new DomainError(404, "not_found", message);

export const forbidden = (message = "You do not have permission to do that") =>
  new DomainError(403, "forbidden", message);

export const conflict = (message: string, fields: FieldErrors = {}) =>
  new DomainError(409, "conflict", message, fields);

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
