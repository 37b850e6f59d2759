import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { CoverageGaps, RoadmapFigures } from "../../shared/boards/compare";
import { STATUSES } from "../../shared/boards/roadmap";
import { clauseById } from "../../shared/scf/catalogue";
import { PageHeading } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { compareWithSharedRoadmap } from "../lib/boards.server";
import { asResponse } from "../lib/forms.server";
import spacesStylesHref from "../styles/spaces.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: spacesStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.city.name} and ${data.owner.name} compared · SCF Workspace` : "SCF Workspace",
  },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const { owner, comparison } = await compareWithSharedRoadmap(context.db, {
    readerCityId: city.id,
    ownerSlug: params.owner ?? "",
  }).catch(asResponse);
  return json({
    city: { slug: city.slug, name: city.name },
    owner: { slug: owner.slug, name: owner.name },
    comparison,
  });
}

const clauseCount = (count: number) => `${count} ${count === 1 ? "clause" : "clauses"}`;

const SHOWN_STATUSES = STATUSES.filter((status) => status.value !== "dropped");

function Figures({ figures }: { figures: RoadmapFigures }) {
  return (
    <>
      <td className="numeric">{figures.items}</td>
      <td className="numeric">{figures.quickWins}</td>
      {SHOWN_STATUSES.map((status) => (
        <td key={status.value} className="numeric">
          {figures.statuses[status.value]}
        </td>
      ))}
      <td className="numeric">{figures.clauses.length}</td>
    </>
  );
}

function Gaps({ slug, gaps, empty }: { slug: string; gaps: CoverageGaps; empty: string }) {
  if (gaps.clauses.length === 0 && gaps.recommendations.length === 0)
    return <p className="caption">{empty}</p>;
  return (
    <ul className="compare__gaps">
      {gaps.clauses.map((id) => (
        <li key={id}>
          <Link to={`/c/${slug}/framework/${id}`}>
            {id} {clauseById(id)?.title ?? ""}
          </Link>
        </li>
      ))}
      {gaps.recommendations.length > 0 ? <li>Recommendations: {gaps.recommendations.join(", ")}</li> : null}
    </ul>
  );
}

export default function CompareRoadmaps() {
  const { city, owner, comparison } = useLoaderData<typeof loader>();
  const rows = [...comparison.phases, { phase: "all", label: "Whole roadmap", ...comparison.overall }];
  return (
    <>
      <PageHeading
        caption={<Link to={`/c/${city.slug}/roadmap/shared/${owner.slug}`}>{owner.name}&apos;s roadmap</Link>}
      >
        {city.name} and {owner.name} compared
      </PageHeading>
      <p className="lead-paragraph">
        The two roadmaps phase by phase: how many items, quick wins and items in each status, and how many
        framework clauses they refer to. Below, what each covers that the other does not.
      </p>
      <div className="table-wrap">
        <table className="table compare">
          <caption className="visually-hidden">Items by phase and status in each roadmap</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">City</th>
              <th scope="col" className="numeric">
                Items
              </th>
              <th scope="col" className="numeric">
                Quick wins
              </th>
              {SHOWN_STATUSES.map((status) => (
                <th key={status.value} scope="col" className="numeric">
                  {status.label}
                </th>
              ))}
              <th scope="col" className="numeric">
                Clauses
              </th>
            </tr>
          </thead>
          {rows.map((row) => (
            <tbody key={row.phase} data-phase={row.phase}>
              <tr>
                <th scope="rowgroup" rowSpan={2}>
                  {row.label}
                </th>
                <th scope="row">{city.name}</th>
                <Figures figures={row.ours} />
              </tr>
              <tr>
                <th scope="row">{owner.name}</th>
                <Figures figures={row.theirs} />
              </tr>
            </tbody>
          ))}
        </table>
      </div>
      <div className="compare__columns">
        <section aria-labelledby="ours-lacks">
          <h2 id="ours-lacks">
            {owner.name} covers, {city.name} does not
          </h2>
          <Gaps
            slug={city.slug}
            gaps={comparison.overall.oursLacks}
            empty={`${city.name}'s roadmap covers every clause ${owner.name}'s does.`}
          />
        </section>
        <section aria-labelledby="theirs-lacks">
          <h2 id="theirs-lacks">
            {city.name} covers, {owner.name} does not
          </h2>
          <Gaps
            slug={city.slug}
            gaps={comparison.overall.theirsLacks}
            empty={`${owner.name}'s roadmap covers every clause ${city.name}'s does.`}
          />
        </section>
      </div>
      <h2>Gaps phase by phase</h2>
      {comparison.phases.map((phase) => (
        <details key={phase.phase} className="compare__phase">
          <summary>
            {phase.label}: {clauseCount(phase.oursLacks.clauses.length)} only {owner.name} covers,{" "}
            {phase.theirsLacks.clauses.length} only {city.name}
          </summary>
          <h3>Only {owner.name}</h3>
          <Gaps slug={city.slug} gaps={phase.oursLacks} empty="None." />
          <h3>Only {city.name}</h3>
          <Gaps slug={city.slug} gaps={phase.theirsLacks} empty="None." />
        </details>
      ))}
    </>
  );
}
