import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCity } from "../lib/auth.server";
import { trackerJson } from "../lib/framework.server";
import { asResponse } from "../lib/forms.server";

/** The city's framework tracker as JSON, for anyone who may read the city. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const body = await trackerJson(context.db, {
    city: { id: city.id, slug: city.slug, name: city.name },
    today: new Date().toISOString().slice(0, 10),
  }).catch(asResponse);
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `inline; filename="${city.slug}-framework-tracker.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
