import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import {
  can,
  changeRole,
  inviteMember,
  listMembers,
  listOpenInvitations,
  removeMember,
  revokeInvitation,
} from "../lib/cities.server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "../../shared/roles";
import { ErrorSummary, SelectField, TextField } from "../components/form";
import { ConfirmPanel, Notice } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { formFailure, readForm } from "../lib/forms.server";
import { notifyInvitation } from "../lib/notifications.server";
import { validationError } from "../lib/errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Members · ${data.city.name} · SCF Workspace` : "Members · SCF Workspace" },
];

const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const manage = can(context.actor, "manageMembers", { type: "city", id: city.id });
  const members = await listMembers(context.db, { cityId: city.id });
  const invitations = manage
    ? await listOpenInvitations(context.db, { cityId: city.id, now: new Date() })
    : [];
  return json({
    city: { slug: city.slug, name: city.name },
    userId: user.id,
    manage,
    members: members.map((member) => ({
      userId: member.userId,
      name: member.name,
      // Only leads see everyone's email; others see names and roles.
      email: manage || member.userId === user.id ? member.email : null,
      role: member.role,
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "manageMembers");
  const values = await readForm(request);
  const intent = values.intent ?? "";
  try {
    switch (intent) {
      case "invite": {
        const { invitation, token } = await inviteMember(context.db, {
          cityId: city.id,
          invitedBy: user.id,
          input: values,
        });
        const link = `${context.services.config.publicOrigin}/invite/${token}`;
        context.services.logger.info(
          { city: city.slug, email: invitation.email, role: invitation.role, link },
          "invitation created",
        );
        await notifyInvitation(
          { db: context.db, realtime: context.services.realtime },
          {
            email: invitation.email,
            cityName: city.name,
            role: ROLE_LABELS[invitation.role].toLowerCase(),
            inviterName: user.name,
          },
        );
        return json({
          ok: true as const,
          intent,
          invited: { link, email: invitation.email, role: invitation.role },
        });
      }
      case "revoke":
        await revokeInvitation(context.db, {
          cityId: city.id,
          id: values.invitationId ?? "",
          now: new Date(),
        });
        return json({ ok: true as const, intent, invited: null });
      case "change-role":
        await changeRole(context.db, { cityId: city.id, userId: values.userId ?? "", role: values.role });
        return json({ ok: true as const, intent, invited: null });
      case "remove":
        await removeMember(context.db, { cityId: city.id, userId: values.userId ?? "" });
        // Leaving the city oneself ends with the list of one's own cities.
        if (values.userId === user.id) return redirect("/");
        return redirect(`/c/${city.slug}/members`);
      default:
        throw validationError({}, "That action is not known");
    }
  } catch (error) {
    return formFailure(error, values, intent);
  }
}

function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label className="visually-hidden" htmlFor="invitation-link">
        Invitation link
      </label>
      <input
        className="input"
        id="invitation-link"
        readOnly
        value={link}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          void navigator.clipboard.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}

export default function Members() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const removing = data.members.find((member) => member.userId === searchParams.get("remove"));
  const failure = result && !result.ok ? result : undefined;
  const invited = result?.ok ? result.invited : undefined;
  const inviteFailure = failure?.intent === "invite" ? failure : undefined;
  const submitting = navigation.state === "submitting";

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {invited ? (
        <Notice title={`Invitation for ${invited.email} created`}>
          <p>
            Send this link to them: it lets them join {data.city.name} as{" "}
            {ROLE_LABELS[invited.role].toLowerCase()}. It works once, for 7 days.
          </p>
          <CopyLink link={invited.link} />
        </Notice>
      ) : null}
      {removing && data.manage ? (
        <ConfirmPanel
          title={`Remove ${removing.name} from ${data.city.name}?`}
          confirmLabel="Remove"
          fields={{ intent: "remove", userId: removing.userId }}
          cancelTo="."
          busy={submitting}
        >
          <p>
            {removing.userId === data.userId
              ? "You will lose access to this city at once."
              : "They will lose access to this city at once. You can invite them again later."}
          </p>
        </ConfirmPanel>
      ) : null}

      <h1>Members</h1>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">Members of {data.city.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              {data.manage ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.members.map((member) => (
              <tr key={member.userId}>
                <td>
                  {member.name}
                  {member.userId === data.userId ? " (you)" : ""}
                  {member.email ? (
                    <>
                      <br />
                      <span className="secondary">{member.email}</span>
                    </>
                  ) : null}
                </td>
                <td data-label="Role">
                  {data.manage ? (
                    <Form method="post" className="inline-form" preventScrollReset>
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                        Role of {member.name}
                      </label>
                      <select
                        className="select"
                        id={`role-${member.userId}`}
                        name="role"
                        defaultValue={member.role}
                        key={member.role}
                      >
                        {roleOptions.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small">
                        Change<span className="visually-hidden"> role of {member.name}</span>
                      </button>
                    </Form>
                  ) : (
                    ROLE_LABELS[member.role as Role]
                  )}
                </td>
                {data.manage ? (
                  <td data-label="Actions">
                    <Link to={`?remove=${member.userId}`} preventScrollReset={false}>
                      Remove<span className="visually-hidden"> {member.name}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {data.manage ? (
        <>
          <h2>Invite someone</h2>
          <Form method="post" noValidate key={invited ? invited.link : "invite"}>
            <input type="hidden" name="intent" value="invite" />
            <TextField
              name="email"
              label="Email address"
              type="email"
              spellCheck={false}
              defaultValue={inviteFailure?.values.email}
              error={inviteFailure?.fieldErrors.email}
            />
            <SelectField
              name="role"
              label="Role"
              options={roleOptions}
              defaultValue={inviteFailure?.values.role ?? "editor"}
              error={inviteFailure?.fieldErrors.role}
            />
            <details className="inset">
              <summary>What each role can do</summary>
              <dl className="summary-list">
                {ROLES.map((role) => (
                  <div key={role}>
                    <dt>{ROLE_LABELS[role]}</dt>
                    <dd>{ROLE_DESCRIPTIONS[role]}</dd>
                  </div>
                ))}
              </dl>
            </details>
            <button type="submit" className="button" disabled={submitting}>
              Create invitation link
            </button>
          </Form>

          <h2>Open invitations</h2>
          {data.invitations.length === 0 ? (
            <p className="empty-state">No invitations are waiting to be accepted.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data.invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.email}</td>
                      <td data-label="Role">{ROLE_LABELS[invitation.role as Role]}</td>
                      <td data-label="Expires">
                        {new Date(invitation.expiresAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}
                      </td>
                      <td>
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <button type="submit" className="link-button">
                            Withdraw
                            <span className="visually-hidden"> invitation for {invitation.email}</span>
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
