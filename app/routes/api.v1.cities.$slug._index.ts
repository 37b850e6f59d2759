import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerOpenData, findOpenDataCity } from "../lib/open-data.server";

/** A city with published data and links to its endpoints: open data, no sign-in needed. */
export function loader({ context, request, params }: LoaderFunctionArgs) {
  return answerOpenData(request, "This city has published nothing", () =>
    findOpenDataCity(context.db, { slug: params.slug ?? "", origin: context.services.config.publicOrigin }),
  );
}
