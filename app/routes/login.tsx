import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signIn } from "../lib/accounts.server";
import { safeRedirectPath } from "../../shared/validation";
import { ErrorSummary, TextField } from "../components/form";
import { PageHeading } from "../components/page";
import { formFailure, readForm } from "../lib/forms.server";
import { retryAfterHeaders } from "../lib/headers";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = () => [{ title: "Sign in · SCF Workspace" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  if (!context.user) return null;
  throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
}

export async function action({ context, request }: ActionFunctionArgs) {
  const values = await readForm(request);
  try {
    const user = await signIn(
      { db: context.db, throttle: context.services.signInThrottle },
      values,
      context.clientAddress,
    );
    // A fresh session at every sign-in: a cookie planted before sign-in is never promoted.
    const cookie = await context.services.sessions.start(user.id);
    return redirect(safeRedirectPath(values.redirectTo), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function SignIn() {
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const signUpLink = redirectTo === "/" ? "/signup" : `/signup?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <PageHeading>Sign in</PageHeading>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={failure?.values.email ?? searchParams.get("email") ?? ""}
          error={failure?.fieldErrors.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p>
        New to SCF Workspace? <Link to={signUpLink}>Create an account</Link>.
      </p>
    </>
  );
}
