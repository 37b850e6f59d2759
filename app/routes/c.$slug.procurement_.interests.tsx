import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { countOf, formatDate } from "../components/board/cells";
import { ErrorSummary, TextAreaField } from "../components/form";
import { Notice } from "../components/page";
import { OverlapGroups } from "../components/procurement/market/OverlapGroups";
import { MARKET_LIMITS } from "../../shared/market";
import { requireCity } from "../lib/auth.server";
import { formFailure, readForm } from "../lib/forms.server";
import { answerInterest, overlapsOfCity, receivedInterests } from "../lib/market.server";
import pipelinesStylesHref from "../styles/pipelines.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: pipelinesStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Suppliers' interest · ${data.city.name} · SCF Workspace`
      : "Suppliers' interest · SCF Workspace",
  },
];

const dateTime = (date: Date | null) => date?.toISOString() ?? null;

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug, "publish");
  const [received, groups] = await Promise.all([
    receivedInterests(context.db, { actor: context.actor, city }),
    overlapsOfCity(context.db, { cityId: city.id }),
  ]);
  return json({
    city: { slug: city.slug, name: city.name },
    groups: groups.map((group) => ({
      cityCount: group.cityCount,
      opportunities: group.opportunities.map((opportunity) => ({
        citySlug: opportunity.citySlug,
        cityName: opportunity.cityName,
        rowId: opportunity.rowId,
        title: opportunity.title,
        tenderStart: opportunity.tenderStart,
      })),
    })),
    opportunities: received.map((entry) => ({
      rowId: entry.rowId,
      title: entry.opportunity?.title ?? "An opportunity no longer published",
      published: entry.opportunity !== null,
      unanswered: entry.unanswered,
      interests: entry.interests.map((interest) => ({
        id: interest.id,
        organisation: interest.organisation,
        contact: interest.contact,
        message: interest.message,
        supplierName: interest.supplierName,
        supplierEmail: interest.supplierEmail,
        createdAt: interest.createdAt.toISOString(),
        answer: interest.answer,
        answeredAt: dateTime(interest.answeredAt),
        answeredByName: interest.answeredByName,
      })),
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "publish");
  const values = await readForm(request);
  const interestId = values.interestId ?? "";
  try {
    await answerInterest(
      { db: context.db, realtime: context.services.realtime },
      { actor: context.actor, user, city, interestId, input: values },
    );
    return redirect(
      `/c/${city.slug}/procurement/interests?answered=${encodeURIComponent(interestId)}#interest-${interestId}`,
    );
  } catch (error) {
    return formFailure(error, values, interestId);
  }
}

type InterestView = SerializeFrom<typeof loader>["opportunities"][number]["interests"][number];

function AnswerForm({ interest }: { interest: InterestView }) {
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = failure && !failure.ok && failure.intent === interest.id ? failure : undefined;
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("interestId") === interest.id;
  const fieldId = `answer-${interest.id}`;
  return (
    <Form method="post" noValidate className="answer-form" preventScrollReset>
      <input type="hidden" name="interestId" value={interest.id} />
      <TextAreaField
        name="answer"
        id={fieldId}
        label={interest.answer ? "Change your answer" : `Answer ${interest.organisation}`}
        hint={interest.answer ? undefined : "The supplier is told, and reads it on the opportunity's page"}
        rows={4}
        maxLength={MARKET_LIMITS.answerLength}
        defaultValue={mine?.values.answer ?? interest.answer ?? ""}
        error={mine?.fieldErrors.answer}
      />
      <button type="submit" className="button button--small" disabled={submitting}>
        {submitting ? "Sending…" : interest.answer ? "Update answer" : "Send answer"}
      </button>
    </Form>
  );
}

function Interest({ interest }: { interest: InterestView }) {
  const [searchParams] = useSearchParams();
  return (
    <li className="interest" id={`interest-${interest.id}`} tabIndex={-1}>
      <h3 className="interest__organisation">{interest.organisation}</h3>
      <p className="secondary">
        {formatDate(interest.createdAt.slice(0, 10))}
        {interest.supplierName ? ` · account of ${interest.supplierName}` : ""}
        {interest.supplierEmail ? ` (${interest.supplierEmail})` : ""}
      </p>
      <dl className="summary-list">
        <div>
          <dt>Contact</dt>
          <dd>{interest.contact}</dd>
        </div>
        <div>
          <dt>Message</dt>
          <dd className="interest__message">{interest.message}</dd>
        </div>
        <div>
          <dt>Answer</dt>
          <dd>
            {interest.answer ? (
              <>
                <span className="interest__answer">{interest.answer}</span>
                <span className="secondary interest__answered">
                  {interest.answeredByName ? `${interest.answeredByName}, ` : ""}
                  {interest.answeredAt ? formatDate(interest.answeredAt.slice(0, 10)) : ""}
                </span>
              </>
            ) : (
              <span className="tag tag--unanswered">Not answered yet</span>
            )}
          </dd>
        </div>
      </dl>
      {searchParams.get("answered") === interest.id ? (
        <Notice title="Your answer has been sent">
          <p>{interest.organisation} has been told and can read it on the opportunity&apos;s page.</p>
        </Notice>
      ) : null}
      <AnswerForm interest={interest} />
    </li>
  );
}

export default function SupplierInterests() {
  const { city, groups, opportunities } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const failed = failure && !failure.ok ? failure : undefined;
  return (
    <>
      <ErrorSummary
        message={failed?.message}
        fieldErrors={
          failed?.fieldErrors.answer
            ? { [`answer-${failed.intent}`]: failed.fieldErrors.answer }
            : failed?.fieldErrors
        }
      />
      <h1>Suppliers&apos; interest</h1>
      {groups.length > 0 ? (
        <section className="pipelines__overlaps" aria-labelledby="overlaps-title">
          <h2 id="overlaps-title">Other cities plan something similar</h2>
          <p className="secondary">
            Published opportunities of {city.name} and other cities in the same category, out to tender at
            overlapping times, whose outcomes read alike: a chance to talk, and perhaps to buy together.
          </p>
          <OverlapGroups groups={groups} ownCity={city.slug} headingLevel={3} />
        </section>
      ) : null}

      <p>
        Suppliers register their interest on the public page of each published opportunity. Every lead of{" "}
        {city.name} is told when one arrives; answer it here and the supplier is told too.{" "}
        <Link to="/pipelines">Every city&apos;s published pipelines</Link>
      </p>

      {opportunities.length === 0 ? (
        <div className="empty-state">
          <p>No supplier has registered interest in {city.name}&apos;s published opportunities yet.</p>
        </div>
      ) : (
        opportunities.map((opportunity) => (
          <section
            key={opportunity.rowId}
            className="interests-of-opportunity"
            aria-labelledby={`opportunity-${opportunity.rowId}`}
          >
            <h2 id={`opportunity-${opportunity.rowId}`}>
              {opportunity.published ? (
                <Link to={`/p/${city.slug}/pipeline/${encodeURIComponent(opportunity.rowId)}`}>
                  {opportunity.title}
                </Link>
              ) : (
                opportunity.title
              )}
            </h2>
            <p className="secondary">
              {countOf(opportunity.interests.length, "interest")}
              {opportunity.unanswered > 0 ? `, ${opportunity.unanswered} not answered yet` : ", all answered"}
            </p>
            <ul className="interests">
              {opportunity.interests.map((interest) => (
                <Interest key={interest.id} interest={interest} />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
