import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerOpenData, listOpenDataCities } from "../lib/open-data.server";

/** Every city with a published page or pipeline, with links to its endpoints: open data, no sign-in needed. */
export function loader({ context, request }: LoaderFunctionArgs) {
  return answerOpenData(request, "No city has published anything", () =>
    listOpenDataCities(context.db, { origin: context.services.config.publicOrigin }),
  );
}
