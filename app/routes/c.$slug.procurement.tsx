import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { PipelinePage } from "../components/procurement/PipelinePage";
import { requireCity } from "../lib/auth.server";
import { revalidateOnlyOnNewPage } from "../lib/board-route";
import { findCityBoard } from "../lib/boards.server";
import { can, listMembers } from "../lib/cities.server";
import { asResponse } from "../lib/forms.server";
import { evidenceChoices } from "../lib/framework.server";
import boardStylesHref from "../styles/board.css";
import boardViewStylesHref from "../styles/board-views.css";
import procurementStylesHref from "../styles/procurement.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: boardStylesHref },
  { rel: "stylesheet", href: boardViewStylesHref },
  { rel: "stylesheet", href: procurementStylesHref },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const pipeline = await findCityBoard(context.db, { cityId: city.id, kind: "pipeline" }).catch(asResponse);
  const { roadmapItems } = await evidenceChoices(context.db, { cityId: city.id });
  return json({
    city: { slug: city.slug, name: city.name },
    documentId: pipeline.id,
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: (await listMembers(context.db, { cityId: city.id })).map((member) => ({
      id: member.userId,
      name: member.name,
    })),
    roadmapItems,
    mayEdit: can(context.actor, "edit", { type: "city", id: city.id }),
    mayPublish: can(context.actor, "publish", { type: "city", id: city.id }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Procurement pipeline · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export const shouldRevalidate = revalidateOnlyOnNewPage;

export default function ProcurementRoute() {
  const { city, documentId, user, members, roadmapItems, mayEdit, mayPublish } =
    useLoaderData<typeof loader>();
  return (
    <PipelinePage
      key={documentId}
      city={city}
      documentId={documentId}
      user={user}
      members={members}
      roadmapItems={roadmapItems}
      mayEdit={mayEdit}
      mayPublish={mayPublish}
    />
  );
}
