import type { LoaderFunctionArgs } from "@remix-run/node";
import { htmlPage, requireDocumentExport } from "../lib/export.server";
import appStylesHref from "../styles/app.css";
import printStylesHref from "../styles/print.css";

/** The document alone, without the workspace around it, laid out for printing. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const exported = await requireDocumentExport(context, request, params, "html");
  const page = htmlPage(exported, {
    stylesheets: [appStylesHref, printStylesHref],
    back: { href: `/c/${exported.citySlug}/docs/${exported.documentId}`, label: "Back to the document" },
  });
  return new Response(page, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
