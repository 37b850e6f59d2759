import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { changePassword } from "../lib/accounts.server";
import { LIMITS } from "../../shared/validation";
import { ErrorSummary, TextField } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { requireUser } from "../lib/auth.server";
import { formFailure, readForm } from "../lib/forms.server";

export const meta: MetaFunction = () => [{ title: "Your account · SCF Workspace" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json({ name: user.name, email: user.email, since: user.createdAt.toISOString() });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const values = await readForm(request);
  try {
    await changePassword(context.db, user.id, values);
  } catch (error) {
    return formFailure(error, values);
  }
  // Every session of the account ends, wherever it is; this browser gets a new one.
  const { sessions } = context.services;
  await sessions.endAllOfUser(user.id);
  const cookie = await sessions.start(user.id);
  return json({ ok: true as const }, { headers: { "Set-Cookie": cookie } });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok ? (
        <Notice title="Your password has been changed">
          <p>You have been signed out everywhere else. Sign in again on your other devices.</p>
        </Notice>
      ) : null}
      <PageHeading>Your account</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>Email address</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>Member since</dt>
          <dd>{new Date(account.since).toLocaleDateString("en-GB", { dateStyle: "long" })}</dd>
        </div>
      </dl>
      <h2>Change your password</h2>
      <Form method="post" noValidate key={result?.ok ? "done" : "editing"}>
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={failure?.fieldErrors.currentPassword}
        />
        <TextField
          name="newPassword"
          label="New password"
          hint={`At least ${LIMITS.passwordMin} characters.`}
          type="password"
          autoComplete="new-password"
          error={failure?.fieldErrors.newPassword}
        />
        <TextField
          name="confirmPassword"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          error={failure?.fieldErrors.confirmPassword}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Change password
        </button>
      </Form>
    </>
  );
}
