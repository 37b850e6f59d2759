import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadHeaders, htmlPage, requireDocumentExport } from "../lib/export.server";

/** The document as a sanitized HTML page, downloaded as a file. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const exported = await requireDocumentExport(context, request, params, "html");
  return new Response(htmlPage(exported), {
    headers: downloadHeaders(exported.title, "html", "text/html; charset=utf-8"),
  });
}
