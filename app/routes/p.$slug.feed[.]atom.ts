import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFoundResponse } from "../lib/auth.server";
import { atomFeed, findPublicationHistory } from "../lib/governance.server";

/** The city's publications as an Atom feed, newest first: public, read from stored publications. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const history = await findPublicationHistory(context.db, { slug: params.slug ?? "" });
  if (!history) throw notFoundResponse();
  return new Response(atomFeed({ ...history, origin: context.services.config.publicOrigin }), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=60",
    },
  });
}
