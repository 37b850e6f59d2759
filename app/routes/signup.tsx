import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signUp } from "../lib/accounts.server";
import { LIMITS, safeRedirectPath } from "../../shared/validation";
import { ErrorSummary, TextField } from "../components/form";
import { PageHeading } from "../components/page";
import { formFailure, readForm } from "../lib/forms.server";

export const meta: MetaFunction = () => [{ title: "Create an account · SCF Workspace" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  if (!context.user) return null;
  throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
}

export async function action({ context, request }: ActionFunctionArgs) {
  const values = await readForm(request);
  try {
    const user = await signUp(context.db, values);
    const cookie = await context.services.sessions.start(user.id);
    return redirect(safeRedirectPath(values.redirectTo), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function SignUp() {
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <PageHeading>Create an account</PageHeading>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="name"
          label="Full name"
          autoComplete="name"
          maxLength={LIMITS.nameLength}
          defaultValue={failure?.values.name}
          error={failure?.fieldErrors.name}
        />
        <TextField
          name="email"
          label="Email address"
          hint="You sign in with this. Invitations to a city are sent to it."
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={failure?.values.email ?? searchParams.get("email") ?? ""}
          error={failure?.fieldErrors.email}
        />
        <TextField
          name="password"
          label="Password"
          hint={`At least ${LIMITS.passwordMin} characters. A few unrelated words make a strong one.`}
          type="password"
          autoComplete="new-password"
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating your account…" : "Create account"}
        </button>
      </Form>
      <p>
        Already have an account?{" "}
        <Link to={redirectTo === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`}>
          Sign in
        </Link>
        .
      </p>
    </>
  );
}
