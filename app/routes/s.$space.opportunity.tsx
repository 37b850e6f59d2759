import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { ErrorSummary } from "../components/form";
import { JointOpportunity } from "../components/procurement/JointOpportunityPage";
import { PublishReportNotice } from "../components/procurement/publish/PublishReportNotice";
import { notFoundResponse } from "../lib/auth.server";
import { revalidateOnlyOnNewPage } from "../lib/board-route";
import { can } from "../lib/cities.server";
import { formFailure } from "../lib/forms.server";
import { findJointView, publishJointOpportunity } from "../lib/joint-procurement.server";
import { listPeopleOfCities, requireSpace } from "../lib/spaces.server";
import boardStylesHref from "../styles/board.css";
import procurementStylesHref from "../styles/procurement.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: boardStylesHref },
  { rel: "stylesheet", href: procurementStylesHref },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { user, view } = await requireSpace(context, request, params.space);
  const joint = await findJointView(context.db, view);
  if (!joint) throw notFoundResponse();
  return json({
    space: { slug: view.space.slug, name: view.space.name },
    documentId: joint.pipelineId,
    rowId: joint.rowId,
    lead: joint.lead,
    buyers: view.cities.filter((city) => city.status === "member").map((city) => city.name),
    origin:
      joint.origin && can(context.actor, "view", { type: "city", id: view.space.convenerCityId ?? "" })
        ? joint.origin
        : null,
    published: joint.published ? { ...joint.published, at: joint.published.at.toISOString() } : null,
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: await listPeopleOfCities(context.db, { cityIds: view.cityIds }),
    mayEdit: can(context.actor, "edit", { type: "space", cityIds: view.cityIds }),
    mayPublish: can(context.actor, "publish", { type: "city", id: joint.lead.id }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Joint opportunity · ${data.space.name} · SCF Workspace` : "SCF Workspace" },
];

export const shouldRevalidate = revalidateOnlyOnNewPage;

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { user, view } = await requireSpace(context, request, params.space);
  const joint = await findJointView(context.db, view);
  if (!joint) throw notFoundResponse();
  try {
    const report = await publishJointOpportunity(context.db, {
      actor: context.actor,
      view,
      joint,
      userId: user.id,
    });
    return json({ ok: true as const, report });
  } catch (error) {
    return formFailure(error, {}, "publish");
  }
}

export default function JointOpportunityRoute() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  const openData = `/api/v1/cities/${data.lead.slug}/pipeline.ocds.json`;
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok ? (
        <PublishReportNotice report={result.report} publicPage={`/p/${data.lead.slug}/pipeline`} />
      ) : null}
      <h1>Joint opportunity</h1>
      <dl className="joint-facts">
        <div>
          <dt>Lead buyer</dt>
          <dd>{data.lead.name}</dd>
        </div>
        <div>
          <dt>Buying together</dt>
          <dd>{data.buyers.join(", ")}</dd>
        </div>
        <div>
          <dt>Open data</dt>
          <dd>
            {data.published ? (
              <>
                Published as <code>{data.published.ocid}</code>, {data.published.releaseCount}{" "}
                {data.published.releaseCount === 1 ? "release" : "releases"}, the latest on{" "}
                {new Date(data.published.at).toLocaleString("en-GB", {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}{" "}
                (<a href={openData}>release package</a>)
              </>
            ) : (
              "Not published yet"
            )}
          </dd>
        </div>
      </dl>
      {data.origin ? (
        <p>
          It grew from{" "}
          <Link
            to={`/c/${data.origin.citySlug}/procurement?view=list&item=${encodeURIComponent(data.origin.rowId)}`}
          >
            {data.origin.cityName}&apos;s opportunity
          </Link>
          .
        </p>
      ) : null}
      {data.mayPublish ? (
        <Form method="post" className="inline-form">
          <p>
            {data.lead.name} publishes the joint opportunity in its name, with every city here named as a
            buyer.
          </p>
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {data.published ? "Publish the changes" : "Publish as open data"}
          </button>
        </Form>
      ) : null}
      <JointOpportunity
        key={data.documentId}
        documentId={data.documentId}
        rowId={data.rowId}
        user={data.user}
        members={data.members}
        mayEdit={data.mayEdit}
      />
    </>
  );
}
