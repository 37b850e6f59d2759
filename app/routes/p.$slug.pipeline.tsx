import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMediumDay } from "../components/governance/dates";
import { formatDate, formatMoney } from "../components/board/cells";
import { PageHeading } from "../components/page";
import { categoryLabel, statusLabel } from "../components/procurement/market/labels";
import publishStylesHref from "../components/procurement/publish/publish.css";
import { notFoundResponse } from "../lib/auth.server";
import { findPublishedPipeline } from "../lib/procurement.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publishStylesHref }];

/** Tender statuses of processes that will not lead to a purchase any more, or already have. */
const FINISHED = new Set(["complete", "cancelled", "withdrawn", "unsuccessful"]);

const dayOf = (dateTime: string | undefined) => dateTime?.slice(0, 10) ?? null;

/** A city's published procurement pipeline: public, no sign-in, readable without JavaScript. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const pipeline = await findPublishedPipeline(context.db, { slug: params.slug ?? "" });
  if (!pipeline) throw notFoundResponse();
  const opportunities = pipeline.opportunities.map(({ rowId, ocid, release, publishedAt, releaseCount }) => {
    const { tender, planning } = release;
    return {
      rowId,
      ocid,
      title: tender.title,
      outcome: tender.description ?? null,
      status: tender.status,
      category: tender.mainProcurementCategory ?? null,
      value: tender.value ?? null,
      method: tender.procurementMethodDetails ?? null,
      cpv: tender.items?.[0]?.classification.id ?? null,
      budget: planning.budget?.description ?? null,
      engagementDate: dayOf(
        planning.milestones?.find((milestone) => milestone.type === "engagement")?.dueDate,
      ),
      tenderDate: dayOf(tender.tenderPeriod?.startDate),
      awardDate: dayOf(tender.awardPeriod?.startDate),
      contractStart: dayOf(tender.contractPeriod?.startDate),
      contractEnd: dayOf(tender.contractPeriod?.endDate),
      publishedAt: publishedAt.toISOString(),
      releaseCount,
    };
  });
  // What is still to come first, soonest tender first; finished processes last.
  opportunities.sort(
    (a, b) =>
      Number(FINISHED.has(a.status)) - Number(FINISHED.has(b.status)) ||
      (a.tenderDate ?? "9999").localeCompare(b.tenderDate ?? "9999") ||
      a.title.localeCompare(b.title, "en-GB"),
  );
  return json({
    city: { slug: pipeline.city.slug, name: pipeline.city.name, country: pipeline.city.country },
    opportunities,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `Procurement pipeline · ${data.city.name} · SCF Workspace` },
        {
          name: "description",
          content: `What ${data.city.name} plans to buy: ${data.opportunities.length} published procurement opportunities.`,
        },
      ]
    : [{ title: "Page not found · SCF Workspace" }];

type PublicOpportunity = SerializeFrom<typeof loader>["opportunities"][number];

function Facts({ opportunity }: { opportunity: PublicOpportunity }) {
  const contract = opportunity.contractStart
    ? opportunity.contractEnd
      ? `${formatDate(opportunity.contractStart)} to ${formatDate(opportunity.contractEnd)}`
      : `From ${formatDate(opportunity.contractStart)}`
    : null;
  const facts: [string, string | null][] = [
    ["Category", opportunity.category ? categoryLabel(opportunity.category) : null],
    [
      "Estimated value",
      opportunity.value ? formatMoney(opportunity.value.amount, opportunity.value.currency) : null,
    ],
    ["Budget", opportunity.budget],
    ["Procurement method", opportunity.method],
    ["CPV code", opportunity.cpv],
    ["Market engagement", opportunity.engagementDate ? formatDate(opportunity.engagementDate) : null],
    ["Tender", opportunity.tenderDate ? formatDate(opportunity.tenderDate) : null],
    ["Award", opportunity.awardDate ? formatDate(opportunity.awardDate) : null],
    ["Contract", contract],
  ];
  return (
    <dl className="summary-list">
      {facts
        .filter((fact): fact is [string, string] => fact[1] !== null)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export default function PublicPipeline() {
  const { city, opportunities } = useLoaderData<typeof loader>();
  const openData = `/api/v1/cities/${city.slug}/pipeline.ocds.json`;
  return (
    <>
      <PageHeading caption={`${city.name}, ${city.country}`}>Procurement pipeline</PageHeading>
      <p className="lead-paragraph">
        What {city.name} plans to buy, published so that suppliers and other cities can prepare. Dates and
        values are estimates and may change; each change is published here.
      </p>
      <p>
        The same data for open data tools, in the Open Contracting Data Standard:{" "}
        <a href={openData}>OCDS release package (JSON)</a>.
      </p>
      <ul className="public-pipeline">
        {opportunities.map((opportunity) => (
          <li key={opportunity.rowId} className="public-pipeline__opportunity">
            <article aria-labelledby={`opportunity-${opportunity.rowId}`}>
              <h2 id={`opportunity-${opportunity.rowId}`}>
                <Link to={`/p/${city.slug}/pipeline/${opportunity.rowId}`}>{opportunity.title}</Link>
              </h2>
              <p>
                <span className="tag">{statusLabel(opportunity.status)}</span>
              </p>
              {(opportunity.outcome ?? "")
                .split(/\n+/)
                .filter((paragraph) => paragraph.trim())
                .map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              <Facts opportunity={opportunity} />
              <p className="secondary public-pipeline__ocid">
                Last published on {formatMediumDay(opportunity.publishedAt)}
                {opportunity.releaseCount > 1 ? ` (${opportunity.releaseCount} releases)` : ""} · ocid{" "}
                <code>{opportunity.ocid}</code>
              </p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
