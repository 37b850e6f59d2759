import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { RoadmapPage } from "../components/board/RoadmapPage";
import { requireCity } from "../lib/auth.server";
import { revalidateOnlyOnNewPage } from "../lib/board-route";
import { findCityBoard } from "../lib/boards.server";
import { can, listMembers } from "../lib/cities.server";
import { asResponse } from "../lib/forms.server";
import boardStylesHref from "../styles/board.css";
import boardViewStylesHref from "../styles/board-views.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: boardStylesHref },
  { rel: "stylesheet", href: boardViewStylesHref },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const roadmap = await findCityBoard(context.db, { cityId: city.id, kind: "roadmap" }).catch(asResponse);
  return json({
    city: { slug: city.slug, name: city.name },
    documentId: roadmap.id,
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: (await listMembers(context.db, { cityId: city.id })).map((member) => ({
      id: member.userId,
      name: member.name,
    })),
    mayEdit: can(context.actor, "edit", { type: "city", id: city.id }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Roadmap · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export const shouldRevalidate = revalidateOnlyOnNewPage;

export default function RoadmapRoute() {
  const { city, documentId, user, members, mayEdit } = useLoaderData<typeof loader>();
  return (
    <RoadmapPage
      key={documentId}
      city={city}
      documentId={documentId}
      user={user}
      members={members}
      mayEdit={mayEdit}
    />
  );
}
