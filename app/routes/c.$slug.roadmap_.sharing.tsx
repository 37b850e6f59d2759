import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, SelectField } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { listRoadmapSharing, listSpacesOfCity, shareRoadmap, stopSharingRoadmap } from "../lib/boards.server";
import { can } from "../lib/cities.server";
import { validationError } from "../lib/errors.server";
import { formFailure, readForm } from "../lib/forms.server";
import { listCities } from "../lib/spaces.server";
import spacesStylesHref from "../styles/spaces.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: spacesStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Roadmap sharing · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const isLead = can(context.actor, "manageMembers", { type: "city", id: city.id });
  const { outgoing, incoming } = await listRoadmapSharing(context.db, { cityId: city.id });
  const sharedWith = new Set(outgoing.map((share) => `${share.target.type}:${share.target.slug}`));
  const targets = isLead
    ? [
        ...(await listCities(context.db))
          .filter((other) => other.id !== city.id)
          .map((other) => ({ value: `city:${other.slug}`, label: other.name })),
        ...(await listSpacesOfCity(context.db, { cityId: city.id }))
          .filter((space) => space.status === "member")
          .map((space) => ({ value: `space:${space.slug}`, label: `Everyone in ${space.name}` })),
      ].filter((target) => !sharedWith.has(target.value))
    : [];
  return json({
    city: { slug: city.slug, name: city.name },
    isLead,
    targets,
    outgoing: outgoing.map((share) => ({
      id: share.id,
      type: share.target.type,
      name: share.target.name,
      slug: share.target.slug,
      // A share with a space the city has since left reaches nobody until it takes part again.
      active: share.target.type === "city" || share.target.active,
      sharedBy: share.sharedByName,
      sharedAt: share.sharedAt.toISOString(),
    })),
    incoming,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "manageMembers");
  const values = await readForm(request);
  const intent = values.intent ?? "";
  try {
    switch (intent) {
      case "share":
        await shareRoadmap(
          { db: context.db, realtime: context.services.realtime },
          { actor: context.actor, city, userId: user.id, userName: user.name, target: values.target ?? "" },
        );
        return json({ ok: true as const, message: "Shared: the peers can read the roadmap now" });
      case "stop":
        await stopSharingRoadmap(context.db, {
          actor: context.actor,
          cityId: city.id,
          shareId: values.shareId ?? "",
        });
        return json({ ok: true as const, message: "No longer shared there" });
      default:
        throw validationError({}, "That action is not known");
    }
  } catch (error) {
    return formFailure(error, values, intent);
  }
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default function RoadmapSharing() {
  const { city, isLead, targets, outgoing, incoming } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok ? <Notice title={result.message} /> : null}
      <PageHeading caption={<Link to={`/c/${city.slug}/roadmap`}>Roadmap</Link>}>
        Sharing and comparing
      </PageHeading>
      <p className="lead-paragraph">
        Cities learn from each other&apos;s roadmaps. A shared roadmap is read only: peers see its items,
        phases, statuses, dates and clauses, never who owns them, and may copy it as a template or compare it
        with their own.
      </p>

      <section aria-labelledby="incoming-heading">
        <h2 id="incoming-heading">Roadmaps shared with {city.name}</h2>
        {incoming.length === 0 ? (
          <p className="empty-state">
            No city shares its roadmap with {city.name} yet. When one does, it appears here.
          </p>
        ) : (
          <ul className="space-list">
            {incoming.map((source) => (
              <li key={source.cityId} className="space-list__item">
                <Link to={`/c/${city.slug}/roadmap/shared/${source.slug}`}>{source.name}</Link>
                <span className="caption">
                  {" "}
                  ·{" "}
                  {[
                    ...(source.direct ? [`shared with ${city.name}`] : []),
                    ...source.spaces.map((space) => `through ${space.name}`),
                  ].join(", ")}
                </span>{" "}
                · <Link to={`/c/${city.slug}/roadmap/compare/${source.slug}`}>Compare with ours</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="outgoing-heading">
        <h2 id="outgoing-heading">Who can read {city.name}&apos;s roadmap</h2>
        {outgoing.length === 0 ? (
          <p className="empty-state">Only {city.name}&apos;s own members: the roadmap is not shared.</p>
        ) : (
          <ul className="space-list">
            {outgoing.map((share) => (
              <li key={share.id} className="space-list__item">
                <span>
                  {share.type === "space" ? `Everyone in ${share.name}` : share.name}
                  <span className="caption">
                    {" "}
                    · since {dateFormat.format(new Date(share.sharedAt))}
                    {share.sharedBy ? ` by ${share.sharedBy}` : ""}
                    {share.active ? "" : ` · reaches nobody while ${city.name} is not in the space`}
                  </span>
                </span>
                {isLead ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="shareId" value={share.id} />
                    <button type="submit" name="intent" value="stop" className="link-button" disabled={busy}>
                      Stop sharing<span className="visually-hidden"> with {share.name}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isLead ? (
          targets.length > 0 ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="share" />
              <SelectField
                name="target"
                label="Share the roadmap read-only with"
                options={targets}
                error={failure?.fieldErrors.target}
                defaultValue={failure?.values.target}
              />
              <button type="submit" className="button" disabled={busy}>
                Share
              </button>
            </Form>
          ) : (
            <p className="caption">The roadmap is shared with every city and space it can be.</p>
          )
        ) : (
          <p className="caption">The city&apos;s leads choose whom the roadmap is shared with.</p>
        )}
      </section>
    </>
  );
}
