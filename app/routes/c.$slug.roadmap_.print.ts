import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCity } from "../lib/auth.server";
import { readRoadmap, roadmapPrintPage } from "../lib/boards.server";
import { asResponse } from "../lib/forms.server";
import appStylesHref from "../styles/app.css";
import printStylesHref from "../styles/print.css";

/** The roadmap on one page, grouped by phase, laid out for printing. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const rows = await readRoadmap(context.db, { cityId: city.id }).catch(asResponse);
  const page = roadmapPrintPage(rows, {
    cityName: city.name,
    stylesheets: [appStylesHref, printStylesHref],
    back: { href: `/c/${city.slug}/roadmap`, label: "Back to the roadmap" },
  });
  return new Response(page, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
