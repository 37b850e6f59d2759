import { json } from "@remix-run/node";
import { DomainError } from "../../server/errors";
import type { FieldErrors } from "../../shared/validation";

/** What a form action answers when the submission cannot be accepted. */
export interface FormFailure {
  ok: false;
  message: string;
  fieldErrors: FieldErrors;
  /** What the user typed (never passwords), so the form keeps it. */
  values: Record<string, string>;
  /** Which form on the page failed, when a page has several. */
  intent?: string;
}

export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  return values;
}

function withoutSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/** Turns a DomainError into a form answer with its status; anything else is rethrown. */
export function formFailure(error: unknown, values: Record<string, string>, intent?: string) {
  if (!(error instanceof DomainError)) throw error;
  const headers = new Headers();
  if (error.retryAfterSeconds) headers.set("Retry-After", String(error.retryAfterSeconds));
  const body: FormFailure = {
    ok: false,
    message: error.message,
    fieldErrors: error.fields,
    values: withoutSecrets(values),
    ...(intent ? { intent } : {}),
  };
  return json(body, { status: error.status, headers });
}

/** For loaders: a DomainError becomes the HTTP answer it stands for; anything else is rethrown. */
export function asResponse(error: unknown): never {
  if (error instanceof DomainError) throw new Response(error.message, { status: error.status });
  throw error;
}
