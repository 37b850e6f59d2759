import type { Evidence } from "../../../../shared/boards/fields";

/** What the page knows of the city's documents and roadmap items, by id, to name and link evidence. */
export interface Artefacts {
  citySlug: string;
  documents: ReadonlyMap<string, string>;
  roadmapItems: ReadonlyMap<string, string>;
}

/** A piece of evidence as the page shows it: a link, or the name it had if it has gone. */
export interface ResolvedEvidence {
  key: string;
  kind: "Document" | "Roadmap item";
  title: string;
  /** Null when the document or item no longer exists. */
  href: string | null;
}

export function clauseHref(citySlug: string, clauseId: string): string {
  return `/c/${citySlug}/framework/${clauseId}`;
}

/** The roadmap with one item open in its detail panel. */
export function roadmapItemHref(citySlug: string, itemId: string): string {
  return `/c/${citySlug}/roadmap?item=${encodeURIComponent(itemId)}`;
}

export function resolveEvidence(evidence: Evidence, artefacts: Artefacts): ResolvedEvidence {
  const key = `${evidence.type}:${evidence.id}`;
  if (evidence.type === "document") {
    const title = artefacts.documents.get(evidence.id);
    return {
      key,
      kind: "Document",
      title: title ?? evidence.title,
      href: title === undefined ? null : `/c/${artefacts.citySlug}/docs/${evidence.id}`,
    };
  }
  const title = artefacts.roadmapItems.get(evidence.id);
  return {
    key,
    kind: "Roadmap item",
    title: title ?? evidence.title,
    href: title === undefined ? null : roadmapItemHref(artefacts.citySlug, evidence.id),
  };
}
