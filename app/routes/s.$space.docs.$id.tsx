import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { DocumentEditor } from "../components/editor/DocumentEditor";
import { notFoundResponse } from "../lib/auth.server";
import { can } from "../lib/cities.server";
import { findDocumentOfCity, listPeopleOfCities, requireSpace } from "../lib/spaces.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { user, view } = await requireSpace(context, request, params.space);
  const document = await findDocumentOfCity(context.db, {
    spaceId: view.space.id,
    documentId: params.id ?? "",
  });
  if (!document) throw notFoundResponse();
  return json({
    space: { slug: view.space.slug, name: view.space.name },
    document: { id: document.id, title: document.title, archived: document.archivedAt !== null },
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    people: await listPeopleOfCities(context.db, { cityIds: view.cityIds }),
    mayEdit: can(context.actor, "edit", {
      type: "space",
      cityIds: view.cityIds,
      ownerCityId: document.ownerCityId,
    }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.document.title} · ${data.space.name} · SCF Workspace` : "SCF Workspace" },
];

export default function SpaceDocument() {
  const { space, document, user, people, mayEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/s/${space.slug}/docs`}>All documents</Link>
      </p>
      <h1>{document.title}</h1>
      <DocumentEditor
        key={document.id}
        documentId={document.id}
        user={user}
        canEdit={mayEdit && !document.archived}
        label={document.title}
        members={people}
      />
    </>
  );
}
