import { CLAUSES_A_TO_B8 } from "./clauses-a-to-b8";
import { CLAUSES_B9_TO_D } from "./clauses-b9-to-d";
import type { Clause, ClauseId, ComponentId, ProcessArea, Recommendation } from "./types";

export { PRINCIPLE_GROUPS } from "./principles";
export { SUCCESS_FACTORS } from "./success-factors";
export type * from "./types";

export const COMPONENTS: readonly { id: ComponentId; title: string; summary: string }[] = [
  {
    id: "A",
    title: "Guiding principles",
    summary: "The values the city's partners agree to steer their decisions by.",
  },
  {
    id: "B",
    title: "City-wide governance and delivery processes",
    summary: "How the city joins up its work across organisations, services and technology.",
  },
  {
    id: "C",
    title: "Benefit realisation",
    summary: "Making sure the benefits the programme promises are named, measured and delivered.",
  },
  {
    id: "D",
    title: "Critical success factors",
    summary: "The checklist the programme is regularly held against to stay on track.",
  },
];

export const PROCESS_AREAS: readonly { id: ProcessArea; title: string; clauses: string }[] = [
  { id: "business", title: "Business management", clauses: "B1–B8" },
  { id: "service", title: "Service management", clauses: "B9–B12" },
  { id: "technology", title: "Technology and digital asset management", clauses: "B13–B14" },
];

/** Every clause with recommendations, in the framework's order: A, B1–B14, C, D. */
export const CLAUSES: readonly Clause[] = [...CLAUSES_A_TO_B8, ...CLAUSES_B9_TO_D];

const byId = new Map<string, Clause>(CLAUSES.map((clause) => [clause.id, clause]));

export function isClauseId(value: unknown): value is ClauseId {
  return typeof value === "string" && byId.has(value);
}

export function clauseById(id: string): Clause | null {
  return byId.get(id) ?? null;
}

/** A recommendation together with the clause it belongs to. */
export interface CatalogueRecommendation extends Recommendation {
  clause: Clause;
}

/** Every recommendation of every clause, in the framework's order: the rows of a city's tracker. */
export const RECOMMENDATIONS: readonly CatalogueRecommendation[] = CLAUSES.flatMap((clause) =>
  clause.recommendations.map((recommendation) => ({ ...recommendation, clause })),
);

const recommendationsById = new Map(
  RECOMMENDATIONS.map((recommendation) => [recommendation.id, recommendation]),
);

export function recommendationById(id: string): CatalogueRecommendation | null {
  return recommendationsById.get(id) ?? null;
}
