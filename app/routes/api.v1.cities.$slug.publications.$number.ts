import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerOpenData, findCityPublication } from "../lib/open-data.server";

/** One version of the city's public page, whole, as published: open data, no sign-in needed. */
export function loader({ context, request, params }: LoaderFunctionArgs) {
  const number = /^\d{1,9}$/.test(params.number ?? "") ? Number(params.number) : null;
  return answerOpenData(request, "This city has published no such version of its page", async () =>
    number ? findCityPublication(context.db, { slug: params.slug ?? "", number }) : null,
  );
}
