import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { TrackerPage } from "../components/framework/TrackerPage";
import { requireCity } from "../lib/auth.server";
import { can, listMembers } from "../lib/cities.server";
import { evidenceChoices, openTracker } from "../lib/framework.server";
import { asResponse } from "../lib/forms.server";
import boardStylesHref from "../styles/board.css";
import trackerStylesHref from "../styles/tracker.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: boardStylesHref },
  { rel: "stylesheet", href: trackerStylesHref },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const tracker = await openTracker(context.db, { cityId: city.id, hub: context.services.collabHub }).catch(
    asResponse,
  );
  return json({
    city: { slug: city.slug, name: city.name },
    documentId: tracker.id,
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: (await listMembers(context.db, { cityId: city.id })).map((member) => ({
      id: member.userId,
      name: member.name,
    })),
    mayEdit: can(context.actor, "edit", { type: "city", id: city.id }),
    today: new Date().toISOString().slice(0, 10),
    choices: await evidenceChoices(context.db, { cityId: city.id }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Framework tracker · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export default function FrameworkRoute() {
  const { city, documentId, user, members, mayEdit, today, choices } = useLoaderData<typeof loader>();
  return (
    <TrackerPage
      key={documentId}
      city={city}
      documentId={documentId}
      user={user}
      members={members}
      mayEdit={mayEdit}
      today={today}
      choices={choices}
    />
  );
}
