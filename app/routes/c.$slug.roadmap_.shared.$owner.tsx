import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PHASES, STATUSES } from "../../shared/boards/roadmap";
import { ErrorSummary } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { copyRoadmapAsTemplate, readSharedRoadmap } from "../lib/boards.server";
import { can } from "../lib/cities.server";
import { asResponse, formFailure } from "../lib/forms.server";
import spacesStylesHref from "../styles/spaces.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: spacesStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.owner.name}'s roadmap · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const { owner, source, items } = await readSharedRoadmap(context.db, {
    readerCityId: city.id,
    ownerSlug: params.owner ?? "",
  }).catch(asResponse);
  return json({
    city: { slug: city.slug, name: city.name },
    owner: { slug: owner.slug, name: owner.name },
    source,
    items,
    mayCopy: can(context.actor, "edit", { type: "city", id: city.id }),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "edit");
  try {
    const { copied } = await copyRoadmapAsTemplate(context.db, {
      actor: context.actor,
      readerCityId: city.id,
      ownerSlug: params.owner ?? "",
      userId: user.id,
      hub: context.services.collabHub,
    });
    return json({ ok: true as const, copied });
  } catch (error) {
    return formFailure(error, {});
  }
}

const statusLabel = new Map<string, string>(STATUSES.map((status) => [status.value, status.label]));
const dateFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const month = (date: string | null) => (date ? dateFormat.format(new Date(date)) : null);

export default function SharedRoadmap() {
  const { city, owner, source, items, mayCopy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const phases = [
    ...PHASES.map((phase) => ({ ...phase, items: items.filter((item) => item.phase === phase.value) })),
    { value: "none", label: "Without a phase", items: items.filter((item) => !item.phase) },
  ].filter((phase) => phase.value !== "none" || phase.items.length > 0);
  return (
    <>
      {result && !result.ok ? <ErrorSummary message={result.message} /> : null}
      {result?.ok ? (
        <Notice title={`${result.copied} items copied into ${city.name}'s roadmap`}>
          <p>
            They start as proposed, without owners or dates.{" "}
            <Link to={`/c/${city.slug}/roadmap`}>Open the roadmap</Link> to plan them.
          </p>
        </Notice>
      ) : null}
      <PageHeading caption={<Link to={`/c/${city.slug}/roadmap/sharing`}>Shared roadmaps</Link>}>
        {owner.name}&apos;s roadmap
      </PageHeading>
      <p className="lead-paragraph">
        Read only, shared {source.direct ? `with ${city.name}` : ""}
        {source.direct && source.spaces.length > 0 ? " and " : ""}
        {source.spaces.length > 0
          ? `through ${source.spaces.map((space) => space.name).join(", ")}`
          : ""}. {items.length} items.
      </p>
      <div className="inline-form">
        <Link className="button button--secondary" to={`/c/${city.slug}/roadmap/compare/${owner.slug}`}>
          Compare with {city.name}&apos;s roadmap
        </Link>
        {mayCopy && items.length > 0 ? (
          <Form method="post">
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Copying…" : `Copy as a template into ${city.name}'s roadmap`}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="empty-state">{owner.name}&apos;s roadmap has no items yet.</p>
      ) : (
        phases.map((phase) => (
          <section
            key={phase.value}
            aria-labelledby={`phase-${phase.value}`}
            className="shared-roadmap__phase"
          >
            <h2 id={`phase-${phase.value}`}>
              {phase.label} <span className="caption">· {phase.items.length} items</span>
            </h2>
            {phase.items.length === 0 ? (
              <p className="caption">Nothing in this phase.</p>
            ) : (
              <ul className="shared-roadmap__items">
                {phase.items.map((item) => (
                  <li key={item.id}>
                    <strong>{item.title || "Untitled item"}</strong>
                    {item.quickWin ? <span className="tag"> Quick win</span> : null}
                    {item.milestone ? <span className="tag"> Milestone</span> : null}
                    <div className="caption">
                      {[
                        item.status ? statusLabel.get(item.status) : null,
                        month(item.start) && month(item.end)
                          ? `${month(item.start)} to ${month(item.end)}`
                          : (month(item.start) ?? month(item.end)),
                        item.clauses.length > 0 ? `SCF ${item.clauses.join(", ")}` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </div>
                    {item.description ? (
                      <p className="shared-roadmap__description">{item.description}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </>
  );
}
