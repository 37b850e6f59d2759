import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SPACE_CITY_STATUS_LABELS, SPACE_LIMITS } from "../../shared/spaces";
import { ErrorSummary, TextAreaField, TextField } from "../components/form";
import { Notice } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { can } from "../lib/cities.server";
import { validationError } from "../lib/errors.server";
import { formFailure, readForm } from "../lib/forms.server";
import { answerInvitation, createSpace, joinOpenSpace, listSpacesOfCity } from "../lib/spaces.server";
import spacesStylesHref from "../styles/spaces.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: spacesStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Shared spaces · ${data.city.name} · SCF Workspace` : "Shared spaces · SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const spaces = (await listSpacesOfCity(context.db, { cityId: city.id })).map((space) => ({
    id: space.id,
    slug: space.slug,
    name: space.name,
    purpose: space.purpose,
    open: space.open,
    status: space.status,
    memberCount: space.memberCount,
  }));
  return json({
    city: { slug: city.slug, name: city.name },
    isLead: can(context.actor, "manageMembers", { type: "city", id: city.id }),
    // Only leads see invitations and spaces the city is not in: they are the ones who answer.
    spaces: can(context.actor, "manageMembers", { type: "city", id: city.id })
      ? spaces
      : spaces.filter((space) => space.status === "member"),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "manageMembers");
  const values = await readForm(request);
  const intent = values.intent ?? "";
  const deps = { db: context.db, realtime: context.services.realtime, collabHub: context.services.collabHub };
  const spaceId = values.spaceId ?? "";
  const args = { actor: context.actor, cityId: city.id, userId: user.id };
  try {
    switch (intent) {
      case "create": {
        const space = await createSpace(context.db, { ...args, input: values });
        return redirect(`/s/${space.slug}`);
      }
      case "accept":
      case "decline": {
        const space = await answerInvitation(deps, { ...args, spaceId, accept: intent === "accept" });
        if (intent === "accept") return redirect(`/s/${space.slug}`);
        return json({ ok: true as const, intent, message: `You declined “${space.name}”` });
      }
      case "join": {
        const space = await joinOpenSpace(context.db, { ...args, spaceId });
        return redirect(`/s/${space.slug}`);
      }
      default:
        throw validationError({}, "That action is not known");
    }
  } catch (error) {
    return formFailure(error, values, intent);
  }
}

type Space = ReturnType<typeof useLoaderData<typeof loader>>["spaces"][number];

function SpaceList({ spaces, empty }: { spaces: Space[]; empty: string }) {
  if (spaces.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ul className="space-list">
      {spaces.map((space) => (
        <li key={space.id} className="space-list__item">
          <Link to={`/s/${space.slug}`}>{space.name}</Link>{" "}
          <span className="caption">
            {space.open ? "Network · " : ""}
            {space.memberCount} {space.memberCount === 1 ? "city" : "cities"}
          </span>
          {space.purpose ? <p>{space.purpose}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function AnswerButtons({ space, busy }: { space: Space; busy: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="spaceId" value={space.id} />
      <button type="submit" name="intent" value="accept" className="button button--small" disabled={busy}>
        Accept<span className="visually-hidden"> “{space.name}”</span>
      </button>
      <button
        type="submit"
        name="intent"
        value="decline"
        className="button button--small button--secondary"
        disabled={busy}
      >
        Decline<span className="visually-hidden"> “{space.name}”</span>
      </button>
    </Form>
  );
}

export default function CitySpaces() {
  const { city, isLead, spaces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const createFailure = failure?.intent === "create" ? failure : undefined;
  const taking = spaces.filter((space) => space.status === "member");
  const invited = spaces.filter((space) => space.status === "invited");
  const joinable = spaces.filter(
    (space) => space.open && space.status !== "member" && space.status !== "removed",
  );
  const past = spaces.filter(
    (space) => space.status && ["declined", "left", "removed"].includes(space.status),
  );

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok ? <Notice title={result.message} /> : null}
      <h1>Shared spaces</h1>
      <p>
        Where {city.name} works with other cities: shared documents and a discussion, each city&apos;s members
        with their own role. Only the cities taking part see a space.
      </p>

      {isLead && invited.length > 0 ? (
        <section aria-labelledby="invitations-heading" className="inset">
          <h2 id="invitations-heading">Invitations to answer</h2>
          <ul className="space-list">
            {invited.map((space) => (
              <li key={space.id} className="space-list__item">
                <strong>{space.name}</strong>{" "}
                <span className="caption">
                  {space.memberCount} {space.memberCount === 1 ? "city" : "cities"} taking part
                </span>
                {space.purpose ? <p>{space.purpose}</p> : null}
                <AnswerButtons space={space} busy={busy} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>Spaces {city.name} takes part in</h2>
      <SpaceList spaces={taking} empty={`${city.name} does not take part in a shared space yet.`} />

      {isLead && joinable.length > 0 ? (
        <section aria-labelledby="networks-heading">
          <h2 id="networks-heading">Networks open to every city</h2>
          <ul className="space-list">
            {joinable.map((space) => (
              <li key={space.id} className="space-list__item">
                <strong>{space.name}</strong>{" "}
                <span className="caption">
                  {space.memberCount} {space.memberCount === 1 ? "city" : "cities"}
                </span>
                {space.purpose ? <p>{space.purpose}</p> : null}
                <Form method="post">
                  <input type="hidden" name="spaceId" value={space.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="join"
                    className="button button--small"
                    disabled={busy}
                  >
                    Join for {city.name}
                    <span className="visually-hidden"> “{space.name}”</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isLead ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">Start a shared space</h2>
          <p>
            {city.name} convenes it: its leads invite the other cities, and each city&apos;s lead accepts.
          </p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="create" />
            <TextField
              name="name"
              label="Name"
              defaultValue={createFailure?.values.name}
              maxLength={SPACE_LIMITS.nameLength}
              error={createFailure?.fieldErrors.name}
              required
            />
            <TextAreaField
              name="purpose"
              label="Purpose"
              hint="What the cities will do together, in a sentence or two."
              defaultValue={createFailure?.values.purpose}
              maxLength={SPACE_LIMITS.purposeLength}
              error={createFailure?.fieldErrors.purpose}
              rows={3}
            />
            <button type="submit" className="button" disabled={busy}>
              Create space
            </button>
          </Form>
        </section>
      ) : null}

      {isLead && past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">Declined and left</h2>
          <ul className="space-list">
            {past.map((space) => (
              <li key={space.id} className="space-list__item">
                {space.name}{" "}
                <span className="caption">{space.status ? SPACE_CITY_STATUS_LABELS[space.status] : ""}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
