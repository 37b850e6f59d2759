import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { clauseById } from "../../shared/scf/catalogue";
import { ClausePage } from "../components/framework/clause/ClausePage";
import { notFoundResponse, requireCity } from "../lib/auth.server";
import { can, listMembers } from "../lib/cities.server";
import { listDocumentsOfCity } from "../lib/documents.server";
import { asResponse } from "../lib/forms.server";
import { evidenceChoices, openTracker, openWorkbook, roadmapItemsForClause } from "../lib/framework.server";
import boardStylesHref from "../styles/board.css";
import boardViewStylesHref from "../styles/board-views.css";
import clauseStylesHref from "../styles/framework-clause.css";
import trackerStylesHref from "../styles/tracker.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: boardStylesHref },
  { rel: "stylesheet", href: boardViewStylesHref },
  { rel: "stylesheet", href: trackerStylesHref },
  { rel: "stylesheet", href: clauseStylesHref },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const clause = clauseById(params.clauseId ?? "");
  if (!clause) throw notFoundResponse(`The framework has no clause called ${params.clauseId ?? ""}`);
  const { db } = context;
  const [tracker, workbook, roadmapItems, choices, archived, members] = await Promise.all([
    openTracker(db, { cityId: city.id, hub: context.services.collabHub }),
    openWorkbook(db, { cityId: city.id, clauseId: clause.id, userId: user.id }),
    roadmapItemsForClause(db, { cityId: city.id, clauseId: clause.id }),
    evidenceChoices(db, { cityId: city.id }),
    // Archived documents still open, read-only, so evidence that points at one keeps its link.
    listDocumentsOfCity(db, { cityId: city.id, archived: true }),
    listMembers(db, { cityId: city.id }),
  ]).catch(asResponse);
  return json({
    city: { slug: city.slug, name: city.name },
    clauseId: clause.id,
    trackerId: tracker.id,
    workbookId: workbook.id,
    roadmapItems,
    documents: [
      ...choices.documents,
      ...archived.map((document) => ({ id: document.id, title: document.title })),
    ],
    roadmapTitles: choices.roadmapItems,
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: members.map((member) => ({ id: member.userId, name: member.name })),
    mayEdit: can(context.actor, "edit", { type: "city", id: city.id }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const clause = data ? clauseById(data.clauseId) : null;
  return [
    {
      title:
        data && clause
          ? `${clause.id} ${clause.title} · Framework · ${data.city.name} · SCF Workspace`
          : "Clause not found · SCF Workspace",
    },
  ];
};

export default function FrameworkClauseRoute() {
  const data = useLoaderData<typeof loader>();
  return <ClausePage {...data} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { slug, clauseId } = useParams();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <h1>Clause not found</h1>
        <p>
          The Smart City Framework has no clause called “{clauseId}”. Its clauses are A, B1 to B14, C and D.
        </p>
        <p>
          <Link to={`/c/${slug}/framework`}>Back to the framework tracker</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later.</p>
      <p>
        <Link to={`/c/${slug}/framework`}>Back to the framework tracker</Link>
      </p>
    </>
  );
}
