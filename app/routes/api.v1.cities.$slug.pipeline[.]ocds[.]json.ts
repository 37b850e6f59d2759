import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerOpenData, findReleasePackageAnswer } from "../lib/open-data.server";

/**
 * The city's published procurement pipeline as an OCDS 1.1 release package, every release it has
 * published included: open data, no sign-in needed.
 */
export function loader({ context, request, params }: LoaderFunctionArgs) {
  return answerOpenData(request, "This city has published no procurement pipeline", () =>
    findReleasePackageAnswer(context.db, {
      slug: params.slug ?? "",
      origin: context.services.config.publicOrigin,
    }),
  );
}
