import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataPreflight } from "../lib/open-data.server";
import { listPublishingCities, openDataResponse, releasePackageUri } from "../lib/procurement.server";

/** The cities that publish their procurement pipeline, with where to read it: open data, no sign-in needed. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const origin = context.services.config.publicOrigin;
  const cities = await listPublishingCities(context.db);
  return openDataResponse(request, {
    contentType: "application/json; charset=utf-8",
    body: {
      cities: cities.map((city) => ({
        slug: city.slug,
        name: city.name,
        country: city.country,
        opportunities: city.opportunities,
        lastPublished: city.lastPublishedAt.toISOString(),
        links: {
          pipeline: `${origin}/p/${encodeURIComponent(city.slug)}/pipeline`,
          releasePackage: releasePackageUri(origin, city.slug),
        },
      })),
    },
  });
}
