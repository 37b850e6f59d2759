import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerOpenData, listCityPublications } from "../lib/open-data.server";

/** Every version of the city's public page, newest first, without content: open data, no sign-in needed. */
export function loader({ context, request, params }: LoaderFunctionArgs) {
  return answerOpenData(request, "This city has published no public page", () =>
    listCityPublications(context.db, {
      slug: params.slug ?? "",
      origin: context.services.config.publicOrigin,
    }),
  );
}
