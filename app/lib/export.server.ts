// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
import type { AppLoadContext } from "@remix-run/node";
import { exportDocument, type DocumentExport, type ExportFormat } from "../../server/documents/export";
import { notFoundResponse, requireCity } from "./auth.server";

export { htmlPage } from "../../server/documents/export";

/** The document at /c/<slug>/docs/<id> exported, for a reader of its city; 404 otherwise. */
export async function requireDocumentExport(
  context: AppLoadContext,
  request: Request,
  params: { slug?: string; id?: string },
  format: ExportFormat,
): Promise<DocumentExport & { citySlug: string; documentId: string }> {
  const { city } = await requireCity(context, request, params.slug);
  const documentId = params.id ?? "";
  const exported = await exportDocument(context.db, { cityId: city.id, documentId, format });
  if (!exported) throw notFoundResponse();
  return { ...exported, citySlug: city.slug, documentId };
}

/** Headers that make the browser save the export as a file named after the document. */
export function downloadHeaders(title: string, extension: string, contentType: string): HeadersInit {
  const base =
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_-]+/g, "-")
      .toLowerCase()
      .slice(0, 80) || "document";
  const utf8Name = encodeURIComponent(`${title.trim() || "document"}.${extension}`);
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${base}.${extension}"; filename*=UTF-8''${utf8Name}`,
    "Cache-Control": "private, no-store",
  };
}
