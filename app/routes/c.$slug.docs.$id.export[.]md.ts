import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadHeaders, requireDocumentExport } from "../lib/export.server";

/** The document as Markdown, downloaded as a file. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const exported = await requireDocumentExport(context, request, params, "markdown");
  return new Response(exported.body, {
    headers: downloadHeaders(exported.title, "md", "text/markdown; charset=utf-8"),
  });
}
