import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireCity } from "../lib/auth.server";
import { listPaletteDestinations } from "../lib/search.server";

/** The pages and documents of a city the Ctrl+K palette can jump to. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const destinations = await listPaletteDestinations(context.db, { citySlug: city.slug, cityId: city.id });
  return json({ destinations }, { headers: { "Cache-Control": "private, no-store" } });
}
