import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { signUp } from "../lib/accounts.server";
import { acceptInvitation, describeInvitation } from "../lib/cities.server";
import { LIMITS } from "../../shared/validation";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../shared/roles";
import { ErrorSummary, TextField } from "../components/form";
import { PageHeading } from "../components/page";
import { notFoundResponse } from "../lib/auth.server";
import { formFailure, readForm } from "../lib/forms.server";

export const meta: MetaFunction = () => [{ title: "Invitation · SCF Workspace" }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const described = await describeInvitation(context.db, params.token ?? "");
  if (!described) throw notFoundResponse("This invitation link is not valid");
  const { invitation, city, status } = described;
  return json({
    cityName: city.name,
    email: invitation.email,
    role: invitation.role,
    status,
    viewer: context.user ? { name: context.user.name, email: context.user.email } : null,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const values = await readForm(request);
  const described = await describeInvitation(context.db, token);
  if (!described) throw notFoundResponse("This invitation link is not valid");
  try {
    let user = context.user;
    let cookie: string | undefined;
    if (!user) {
      // Someone new: the account is created for the invited email, then the invitation accepted.
      user = await signUp(context.db, { ...values, email: described.invitation.email });
      cookie = await context.services.sessions.start(user.id);
    }
    await acceptInvitation(context.db, { token, user });
    return redirect(`/c/${described.city.slug}`, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Invitation() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const here = useLocation().pathname;
  const roleName = ROLE_LABELS[data.role].toLowerCase();

  if (data.status !== "open") {
    const reasons = {
      accepted: "This invitation has already been used.",
      revoked: "This invitation was withdrawn by the city.",
      expired: "This invitation has expired.",
    } as const;
    return (
      <>
        <PageHeading>You cannot use this invitation</PageHeading>
        <p>{reasons[data.status]}</p>
        <p>Ask a lead of {data.cityName} to send you a new link.</p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <PageHeading caption="Invitation">Join {data.cityName}</PageHeading>
      <p>
        You have been invited to join {data.cityName} as {roleName}. {ROLE_DESCRIPTIONS[data.role]}
      </p>
      {data.viewer ? (
        data.viewer.email === data.email ? (
          <Form method="post">
            <button type="submit" className="button" disabled={submitting}>
              Join {data.cityName}
            </button>
          </Form>
        ) : (
          <div className="inset">
            <p>
              This invitation is for <strong>{data.email}</strong>, but you are signed in as{" "}
              {data.viewer.email}.
            </p>
            <Form method="post" action="/logout">
              <button type="submit" className="button button--secondary">
                Sign out
              </button>
            </Form>
          </div>
        )
      ) : (
        <>
          <h2>New to SCF Workspace?</h2>
          <Form method="post" noValidate>
            <TextField name="email" label="Email address" value={data.email} readOnly disabled />
            <TextField
              name="name"
              label="Full name"
              autoComplete="name"
              maxLength={LIMITS.nameLength}
              defaultValue={failure?.values.name}
              error={failure?.fieldErrors.name}
            />
            <TextField
              name="password"
              label="Choose a password"
              hint={`At least ${LIMITS.passwordMin} characters.`}
              type="password"
              autoComplete="new-password"
              error={failure?.fieldErrors.password}
            />
            <button type="submit" className="button" disabled={submitting}>
              Create account and join
            </button>
          </Form>
          <p>
            Already have an account with {data.email}?{" "}
            <Link
              to={`/login?redirectTo=${encodeURIComponent(here)}&email=${encodeURIComponent(data.email)}`}
            >
              Sign in to accept
            </Link>
            .
          </p>
        </>
      )}
    </>
  );
}
