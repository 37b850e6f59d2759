import type { BoardKind } from "./boards/kinds";

/** Kinds of rich-text document a city keeps; each is one Yjs document. */
export const DOCUMENT_KINDS = ["vision", "principles", "operating-model", "page"] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  vision: "Vision (B1)",
  principles: "Guiding principles (A)",
  "operating-model": "Operating model (B2)",
  page: "Page",
};

/** What every new city starts with: its vision, guiding principles and operating model. */
export const STARTER_DOCUMENTS: { kind: DocumentKind; title: string }[] = [
  { kind: "vision", title: "Vision" },
  { kind: "principles", title: "Guiding principles" },
  { kind: "operating-model", title: "Operating model" },
];

/**
 * The boards every city has exactly one of, each a document of its own kind in the city's space.
 * They are opened from their own pages, never from the list of documents.
 */
export const CITY_BOARDS: { kind: BoardKind; title: string }[] = [
  { kind: "roadmap", title: "Roadmap" },
  { kind: "framework", title: "Framework tracker" },
  { kind: "pipeline", title: "Procurement pipeline" },
  { kind: "leadership", title: "Leadership team" },
  { kind: "decisions", title: "Decisions log" },
];

/**
 * A city's rich-text notes on one clause of the framework, opened from the clause's page and made
 * the first time someone opens it.
 */
export const WORKBOOK_KIND = "workbook";

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
