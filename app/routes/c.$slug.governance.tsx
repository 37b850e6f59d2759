import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GovernancePage } from "../components/governance/GovernancePage";
import { revalidateOnlyOnNewPage } from "../lib/board-route";
import { loadRegister } from "../lib/governance.server";
import boardStylesHref from "../styles/board.css";
import boardViewStylesHref from "../styles/board-views.css";
import governanceStylesHref from "../styles/governance.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: boardStylesHref },
  { rel: "stylesheet", href: boardViewStylesHref },
  { rel: "stylesheet", href: governanceStylesHref },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return json(await loadRegister(context, request, params.slug, "leadership"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Leadership team · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export const shouldRevalidate = revalidateOnlyOnNewPage;

export default function LeadershipRoute() {
  const data = useLoaderData<typeof loader>();
  return <GovernancePage key={data.documentId} register="leadership" {...data} />;
}
