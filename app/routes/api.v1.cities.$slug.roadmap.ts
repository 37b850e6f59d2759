import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerOpenData, findPublishedRoadmap } from "../lib/open-data.server";

/** The roadmap progress of the city's latest publication: open data, no sign-in needed. */
export function loader({ context, request, params }: LoaderFunctionArgs) {
  return answerOpenData(request, "This city has published no roadmap progress", () =>
    findPublishedRoadmap(context.db, { slug: params.slug ?? "" }),
  );
}
