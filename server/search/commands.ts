import type { Kysely } from "kysely";
import { searchDocuments, type DocumentMatch } from "../../db/repositories/document-search";
import { listDocumentsOfCity } from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import { DOCUMENT_KIND_LABELS, isDocumentKind } from "../../shared/documents";
import { CLAUSES } from "../../shared/scf/catalogue";
import { SEARCH_QUERY_MAX_LENGTH, type PaletteDestination } from "../../shared/search";

/** How many results a search shows. */
export const SEARCH_RESULT_LIMIT = 50;

/** The query as searched: spaces collapsed, cut to the longest query allowed. */
export function normaliseQuery(query: string | null | undefined): string {
  return (query ?? "").replace(/\s+/g, " ").trim().slice(0, SEARCH_QUERY_MAX_LENGTH).trim();
}

/**
 * Searches the documents of the cities the user may read; today that is the city being looked
 * at, whose membership the route has checked.
 */
export async function searchCityDocuments(
  db: Kysely<Database>,
  args: { cityId: string; query: string | null | undefined },
): Promise<{ query: string; results: DocumentMatch[] }> {
  const query = normaliseQuery(args.query);
  if (!query) return { query, results: [] };
  const results = await searchDocuments(db, { cityIds: [args.cityId], query, limit: SEARCH_RESULT_LIMIT });
  return { query, results };
}

/** Where the Ctrl+K palette of a city can go: its pages, its current documents, then the framework's clauses. */
export async function listPaletteDestinations(
  db: Kysely<Database>,
  args: { citySlug: string; cityId: string },
): Promise<PaletteDestination[]> {
  const base = `/c/${args.citySlug}`;
  const pages: PaletteDestination[] = [
    { label: "Overview", href: base, category: "Page" },
    { label: "Documents", href: `${base}/docs`, category: "Page" },
    { label: "Roadmap", href: `${base}/roadmap`, category: "Page" },
    { label: "Procurement pipeline", href: `${base}/procurement`, category: "Page" },
    { label: "Framework tracker", href: `${base}/framework`, category: "Page" },
    { label: "Members", href: `${base}/members`, category: "Page" },
    { label: "Search", href: `${base}/search`, category: "Page" },
  ];
  const documents = await listDocumentsOfCity(db, { cityId: args.cityId, archived: false });
  const clauses = CLAUSES.map((clause) => ({
    label: `${clause.id} ${clause.title}`,
    href: `${base}/framework/${clause.id}`,
    category: "Framework clause",
  }));
  return pages.concat(
    documents.map((document) => ({
      label: document.title,
      href: `${base}/docs/${document.id}`,
      category: isDocumentKind(document.kind) ? DOCUMENT_KIND_LABELS[document.kind] : document.kind,
    })),
    clauses,
  );
}
