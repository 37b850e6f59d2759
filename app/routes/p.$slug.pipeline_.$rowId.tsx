import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { formatDate, formatMoney } from "../components/board/cells";
import { ErrorSummary } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { InterestForm } from "../components/procurement/market/InterestForm";
import { categoryLabel, statusLabel } from "../components/procurement/market/labels";
import { notFoundResponse, requireUser } from "../lib/auth.server";
import { formFailure, readForm } from "../lib/forms.server";
import {
  findCityBySlug,
  findPublishedOpportunity,
  interestOfUser,
  mayRegisterInterest,
  openToInterest,
  registerInterest,
} from "../lib/market.server";
import pipelinesStylesHref from "../styles/pipelines.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: pipelinesStylesHref }];

async function findOpportunity(context: LoaderFunctionArgs["context"], slug?: string, rowId?: string) {
  const city = slug ? await findCityBySlug(context.db, { slug }) : null;
  const opportunity =
    city && rowId ? await findPublishedOpportunity(context.db, { cityId: city.id, rowId }) : null;
  if (!city || !opportunity) throw notFoundResponse();
  return { city, opportunity };
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const { city, opportunity } = await findOpportunity(context, params.slug, params.rowId);
  const user = context.user;
  const supplier = user !== null && mayRegisterInterest(context.actor, city.id);
  const interest = supplier
    ? await interestOfUser(context.db, { cityId: city.id, rowId: opportunity.rowId, userId: user.id })
    : null;
  return json({
    city: { slug: city.slug, name: city.name },
    opportunity: {
      rowId: opportunity.rowId,
      ocid: opportunity.ocid,
      title: opportunity.title,
      description: opportunity.description,
      category: opportunity.category,
      value: opportunity.value,
      status: opportunity.status,
      methodDetails: opportunity.methodDetails,
      buyerName: opportunity.buyerName ?? city.name,
      budgetDescription: opportunity.budgetDescription,
      engagementDate: opportunity.engagementDate,
      tenderStart: opportunity.tenderStart,
      awardDate: opportunity.awardDate,
      contractStart: opportunity.contractStart,
      contractEnd: opportunity.contractEnd,
      publishedAt: opportunity.publishedAt.toISOString(),
      open: openToInterest(opportunity),
    },
    viewer: !user
      ? ({ kind: "visitor" } as const)
      : supplier
        ? ({ kind: "supplier" } as const)
        : ({ kind: "member", lead: context.actor?.roles.get(city.id) === "lead" } as const),
    interest: interest
      ? {
          organisation: interest.organisation,
          contact: interest.contact,
          message: interest.message,
          createdAt: interest.createdAt.toISOString(),
          answer: interest.answer,
          answeredAt: interest.answeredAt?.toISOString() ?? null,
        }
      : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.opportunity.title} · ${data.city.name} · SCF Workspace`
      : "Opportunity · SCF Workspace",
  },
  ...(data ? [{ name: "description", content: data.opportunity.description.slice(0, 200) }] : []),
];

export async function action({ context, request, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const { city, opportunity } = await findOpportunity(context, params.slug, params.rowId);
  const values = await readForm(request);
  try {
    const { created } = await registerInterest(
      { db: context.db, realtime: context.services.realtime },
      { actor: context.actor, user, city, rowId: opportunity.rowId, input: values },
    );
    const url = new URL(request.url);
    return redirect(`${url.pathname}?interest=${created ? "registered" : "updated"}#your-interest`);
  } catch (error) {
    return formFailure(error, values);
  }
}

function dateOrNot(date: string | null): string {
  return date ? formatDate(date) : "Not yet dated";
}

function Facts() {
  const { opportunity } = useLoaderData<typeof loader>();
  const contract =
    opportunity.contractStart && opportunity.contractEnd
      ? `${formatDate(opportunity.contractStart)} to ${formatDate(opportunity.contractEnd)}`
      : dateOrNot(opportunity.contractStart);
  const rows: [string, string][] = [
    ["Buyer", opportunity.buyerName],
    ["Status", statusLabel(opportunity.status)],
    ["Category", categoryLabel(opportunity.category)],
    [
      "Estimated value",
      opportunity.value ? formatMoney(opportunity.value.amount, opportunity.value.currency) : "Not stated",
    ],
    ["Procurement method", opportunity.methodDetails ?? "Not decided yet"],
    ["Budget", opportunity.budgetDescription ?? "Not stated"],
    ["Market engagement", dateOrNot(opportunity.engagementDate)],
    ["Tender", dateOrNot(opportunity.tenderStart)],
    ["Award", dateOrNot(opportunity.awardDate)],
    ["Contract", contract],
    ["Open contracting id", opportunity.ocid],
    ["Last published", formatDate(opportunity.publishedAt.slice(0, 10))],
  ];
  return (
    <dl className="summary-list opportunity-facts">
      {rows.map(([term, detail]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function MarketEngagement() {
  const { city, opportunity, viewer, interest } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const sent = searchParams.get("interest");
  const back = encodeURIComponent(location.pathname);

  if (viewer.kind === "visitor") {
    return (
      <p>
        <Link to={`/login?redirectTo=${back}`}>Sign in</Link> or{" "}
        <Link to={`/signup?redirectTo=${back}`}>create an account</Link> to register your organisation&apos;s
        interest in this opportunity.
      </p>
    );
  }
  if (viewer.kind === "member") {
    return (
      <>
        <p>
          You are a member of {city.name}, so you cannot register interest in its own opportunities. Suppliers
          register theirs here, and {city.name}&apos;s leads answer them.
        </p>
        {viewer.lead ? (
          <p>
            <Link to={`/c/${city.slug}/procurement/interests`}>
              See the interest suppliers have registered
            </Link>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      {sent ? (
        <Notice
          title={
            sent === "registered" ? "Your interest has been registered" : "Your interest has been updated"
          }
        >
          <p>{city.name}&apos;s leads have been told, and their answer will appear here.</p>
        </Notice>
      ) : null}
      {interest ? (
        <div className="your-interest" id="your-interest" tabIndex={-1}>
          <h3>Your interest</h3>
          <p className="secondary">
            Registered as {interest.organisation} on {formatDate(interest.createdAt.slice(0, 10))}
          </p>
          <p className="interest__message">{interest.message}</p>
          <h3>Answer from {city.name}</h3>
          {interest.answer && interest.answeredAt ? (
            <>
              <p className="interest__answer">{interest.answer}</p>
              <p className="secondary">Answered on {formatDate(interest.answeredAt.slice(0, 10))}</p>
            </>
          ) : (
            <p className="secondary">Not answered yet.</p>
          )}
        </div>
      ) : null}
      {opportunity.open ? (
        <>
          {interest ? <h3>Change what you sent</h3> : null}
          <InterestForm
            values={failure && !failure.ok ? failure.values : (interest ?? {})}
            errors={failure && !failure.ok ? failure.fieldErrors : undefined}
            updating={interest !== null}
          />
        </>
      ) : (
        <p>This opportunity is no longer open to suppliers&apos; interest.</p>
      )}
    </>
  );
}

export default function PublishedOpportunityPage() {
  const { city, opportunity } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <PageHeading caption={`${city.name} · procurement pipeline`}>{opportunity.title}</PageHeading>
      <h2>Outcome sought</h2>
      {opportunity.description ? (
        <p className="opportunity__outcome">{opportunity.description}</p>
      ) : (
        <p className="secondary">The city has not described the outcome yet.</p>
      )}
      <Facts />
      <p className="opportunity__links">
        <Link to={`/p/${city.slug}/pipeline`}>{city.name}&apos;s published pipeline</Link>
        <Link to="/pipelines">Every city&apos;s pipelines</Link>
        <a href={`/api/v1/cities/${city.slug}/pipeline.ocds.json`}>Open data (OCDS)</a>
      </p>
      <section className="market-engagement" aria-labelledby="market-engagement-title">
        <h2 id="market-engagement-title">Register your interest</h2>
        <MarketEngagement />
      </section>
    </>
  );
}
