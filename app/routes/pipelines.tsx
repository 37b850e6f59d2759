import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CATEGORIES } from "../../shared/boards/pipeline";
import { countOf, formatDate, formatMoney } from "../components/board/cells";
import { ErrorSummary, SelectField, TextField } from "../components/form";
import { PageHeading } from "../components/page";
import { categoryLabel, statusLabel } from "../components/procurement/market/labels";
import { OverlapGroups } from "../components/procurement/market/OverlapGroups";
import { browsePipelines, parseFilters, type PublishedOpportunity } from "../lib/market.server";
import pipelinesStylesHref from "../styles/pipelines.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: pipelinesStylesHref }];

export const meta: MetaFunction = () => [
  { title: "Cities' procurement pipelines · SCF Workspace" },
  {
    name: "description",
    content: "What cities plan to buy, as they have published it: search, filter and register your interest.",
  },
];

/** How much of an outcome a listing shows before the reader opens the opportunity. */
const EXCERPT_LENGTH = 280;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  return `${flat.slice(0, flat.lastIndexOf(" ", EXCERPT_LENGTH) || EXCERPT_LENGTH)}…`;
}

const listing = (opportunity: PublishedOpportunity) => ({
  citySlug: opportunity.citySlug,
  cityName: opportunity.cityName,
  rowId: opportunity.rowId,
  title: opportunity.title,
  tenderStart: opportunity.tenderStart,
});

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { values, filters, errors } = parseFilters(new URL(request.url).searchParams);
  const view = await browsePipelines(context.db, { filters });
  return json({
    values,
    errors,
    filtered: Object.keys(filters).length > 0,
    total: view.total,
    cities: view.cities,
    opportunities: view.opportunities.map((opportunity) => ({
      ...listing(opportunity),
      excerpt: excerpt(opportunity.description),
      category: opportunity.category,
      value: opportunity.value,
      status: opportunity.status,
      awardDate: opportunity.awardDate,
    })),
    groups: view.groups.map((group) => ({
      cityCount: group.cityCount,
      opportunities: group.opportunities.map(listing),
    })),
  });
}

function Filters() {
  const { values, errors, cities } = useLoaderData<typeof loader>();
  return (
    <Form
      method="get"
      className="pipeline-filters"
      role="search"
      aria-label="Filter opportunities"
      noValidate
    >
      <div className="pipeline-filters__text">
        <TextField
          name="q"
          label="Search"
          hint="Words in the title, the outcome sought or the city's name"
          type="search"
          defaultValue={values.q}
          maxLength={200}
          autoComplete="off"
        />
      </div>
      <SelectField
        name="category"
        label="Category"
        defaultValue={values.category}
        error={errors.category}
        options={[{ value: "", label: "All categories" }, ...CATEGORIES]}
      />
      <SelectField
        name="city"
        label="City"
        defaultValue={values.city}
        options={[
          { value: "", label: "All cities" },
          ...cities.map((city) => ({ value: city.slug, label: city.name })),
        ]}
      />
      <fieldset className="pipeline-filters__pair">
        <legend className="field__label">Tender starts</legend>
        <TextField name="from" label="From" type="date" defaultValue={values.from} error={errors.from} />
        <TextField name="to" label="To" type="date" defaultValue={values.to} error={errors.to} />
      </fieldset>
      <fieldset className="pipeline-filters__pair">
        <legend className="field__label">Estimated value</legend>
        <TextField
          name="min"
          label="At least"
          inputMode="decimal"
          defaultValue={values.min}
          error={errors.min}
          autoComplete="off"
        />
        <TextField
          name="max"
          label="At most"
          inputMode="decimal"
          defaultValue={values.max}
          error={errors.max}
          autoComplete="off"
        />
      </fieldset>
      <div className="pipeline-filters__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <Link to="/pipelines" className="button button--secondary">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}

export default function Pipelines() {
  const { opportunities, groups, total, filtered, errors } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary
        message={Object.keys(errors).length > 0 ? "Some filters could not be used" : undefined}
        fieldErrors={errors}
      />
      <PageHeading caption="Open data from every city">Cities&apos; procurement pipelines</PageHeading>
      <p className="lead-paragraph pipelines__intro">
        What cities plan to buy, as each has published it. Suppliers can read an opportunity and register
        their interest; cities can see where others plan something similar and consider buying together.
      </p>

      {total === 0 ? (
        <div className="empty-state">
          <p>No city has published its procurement pipeline yet.</p>
        </div>
      ) : (
        <>
          <Filters />
          {groups.length > 0 ? (
            <section className="pipelines__overlaps" aria-labelledby="overlaps-title">
              <h2 id="overlaps-title">Similar plans in several cities</h2>
              <p className="secondary">
                Opportunities in the same category, out to tender at overlapping times, whose outcomes read
                alike.
              </p>
              <OverlapGroups groups={groups} headingLevel={3} />
            </section>
          ) : null}

          <section aria-labelledby="results-title">
            <h2 id="results-title">Opportunities</h2>
            <p className="pipelines__count" role="status">
              {filtered
                ? `${opportunities.length} of ${countOf(total, "opportunity")} ${opportunities.length === 1 ? "matches" : "match"} the filters`
                : `${countOf(opportunities.length, "opportunity")} published`}
            </p>
            {opportunities.length === 0 ? (
              <div className="empty-state">
                <p>No published opportunity matches these filters.</p>
                <p>
                  Try fewer words, a wider period or value range, or{" "}
                  <Link to="/pipelines">clear the filters</Link>.
                </p>
              </div>
            ) : (
              <ol className="opportunity-list">
                {opportunities.map((opportunity) => (
                  <li key={`${opportunity.citySlug}/${opportunity.rowId}`} className="opportunity-card">
                    <h3 className="opportunity-card__title">
                      <Link
                        to={`/p/${opportunity.citySlug}/pipeline/${encodeURIComponent(opportunity.rowId)}`}
                      >
                        {opportunity.title}
                      </Link>
                    </h3>
                    <p className="caption opportunity-card__city">{opportunity.cityName}</p>
                    {opportunity.excerpt ? (
                      <p className="opportunity-card__outcome">{opportunity.excerpt}</p>
                    ) : null}
                    <dl className="opportunity-card__facts">
                      <div>
                        <dt>Category</dt>
                        <dd>{categoryLabel(opportunity.category)}</dd>
                      </div>
                      <div>
                        <dt>Estimated value</dt>
                        <dd>
                          {opportunity.value
                            ? formatMoney(opportunity.value.amount, opportunity.value.currency)
                            : "Not stated"}
                        </dd>
                      </div>
                      <div>
                        <dt>Tender</dt>
                        <dd>
                          {opportunity.tenderStart ? formatDate(opportunity.tenderStart) : "Not yet dated"}
                        </dd>
                      </div>
                      <div>
                        <dt>Status</dt>
                        <dd>
                          <span className={`tag tag--${opportunity.status ?? "unknown"}`}>
                            {statusLabel(opportunity.status)}
                          </span>
                        </dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}
