import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  findReleasePackageAnswer,
  openDataNotFound,
  openDataPreflight,
  openDataResponse,
} from "../lib/open-data.server";

/**
 * The city's published procurement pipeline as an OCDS 1.1 release package, every release it has
 * published included: open data, no sign-in needed.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const answer = await findReleasePackageAnswer(context.db, {
    slug: params.slug ?? "",
    origin: context.services.config.publicOrigin,
  });
  if (!answer) return openDataNotFound("This city has published no procurement pipeline");
  return openDataResponse(request, answer);
}
