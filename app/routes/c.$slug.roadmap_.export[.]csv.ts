import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCity } from "../lib/auth.server";
import { exportRoadmapCsv } from "../lib/boards.server";
import { asResponse } from "../lib/forms.server";

/** The city's roadmap as a CSV file, for anyone who may read the city. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const csv = await exportRoadmapCsv(context.db, { cityId: city.id }).catch(asResponse);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${city.slug}-roadmap.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
