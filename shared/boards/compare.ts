import { CLAUSES, recommendationById } from "../scf/catalogue";
import { PHASES, STATUSES, type Phase, type RoadmapItem, type Status } from "./roadmap";

/** What a comparison reads of a roadmap item. */
export type ComparedItem = Pick<RoadmapItem, "phase" | "status" | "quickWin" | "clauses">;

/** The figures of one roadmap, over one phase or over the whole roadmap. */
export interface RoadmapFigures {
  items: number;
  quickWins: number;
  /** Items in each status; every status is present, zero when none. */
  statuses: Record<Status, number>;
  /** Items without a valid status. */
  withoutStatus: number;
  /** The clauses the items refer to, directly (B4) or through a recommendation (B4c), in framework order. */
  clauses: string[];
  /** The recommendations the items refer to by id (B4c; B2 for a clause with one unlettered recommendation). */
  recommendations: string[];
}

/** What one roadmap covers that the other does not. */
export interface CoverageGaps {
  /** Clauses the other roadmap covers and ours does not. */
  clauses: string[];
  recommendations: string[];
}

export interface SideBySide {
  ours: RoadmapFigures;
  theirs: RoadmapFigures;
  /** What their roadmap covers and ours does not: where we might learn from them. */
  oursLacks: CoverageGaps;
  /** What ours covers and theirs does not. */
  theirsLacks: CoverageGaps;
}

export interface PhaseComparison extends SideBySide {
  phase: Phase;
  label: string;
}

export interface RoadmapComparison {
  phases: PhaseComparison[];
  /** Every item of each roadmap, those without a valid phase included. */
  overall: SideBySide;
}

/** The clause a reference belongs to: "B4c" → "B4", "B4" → "B4". */
export function clauseOfRef(ref: string): string {
  return /^(A|B\d{1,2}|C|D)/.exec(ref)?.[1] ?? ref;
}

const CLAUSE_ORDER = new Map<string, number>(CLAUSES.map((clause, index) => [clause.id, index]));

/** Framework order: by clause as the framework lists them, then by letter. */
function byFrameworkOrder(a: string, b: string): number {
  const clauseA = CLAUSE_ORDER.get(clauseOfRef(a)) ?? CLAUSES.length;
  const clauseB = CLAUSE_ORDER.get(clauseOfRef(b)) ?? CLAUSES.length;
  if (clauseA !== clauseB) return clauseA - clauseB;
  return a < b ? -1 : a > b ? 1 : 0;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort(byFrameworkOrder);

/** Counts, quick wins, statuses and clause coverage of a set of items. */
export function roadmapFigures(items: readonly ComparedItem[]): RoadmapFigures {
  const statuses = Object.fromEntries(STATUSES.map((status) => [status.value, 0])) as Record<Status, number>;
  let withoutStatus = 0;
  const refs: string[] = [];
  for (const item of items) {
    if (item.status && item.status in statuses) statuses[item.status] += 1;
    else withoutStatus += 1;
    refs.push(...(item.clauses ?? []));
  }
  return {
    items: items.length,
    quickWins: items.filter((item) => item.quickWin === true).length,
    statuses,
    withoutStatus,
    clauses: sorted(refs.map(clauseOfRef)),
    recommendations: sorted(refs.filter((ref) => recommendationById(ref) !== null)),
  };
}

const missingFrom = (have: readonly string[], other: readonly string[]) => {
  const held = new Set(have);
  return other.filter((ref) => !held.has(ref));
};

function sideBySide(ours: readonly ComparedItem[], theirs: readonly ComparedItem[]): SideBySide {
  const oursFigures = roadmapFigures(ours);
  const theirsFigures = roadmapFigures(theirs);
  return {
    ours: oursFigures,
    theirs: theirsFigures,
    oursLacks: {
      clauses: missingFrom(oursFigures.clauses, theirsFigures.clauses),
      recommendations: missingFrom(oursFigures.recommendations, theirsFigures.recommendations),
    },
    theirsLacks: {
      clauses: missingFrom(theirsFigures.clauses, oursFigures.clauses),
      recommendations: missingFrom(theirsFigures.recommendations, oursFigures.recommendations),
    },
  };
}

/**
 * Two roadmaps side by side, phase by phase and overall: how many items, quick wins and items in
 * each status, which clauses and recommendations each refers to, and what each covers that the
 * other does not. A clause counts as covered by a reference to it or to one of its recommendations;
 * a recommendation only by a reference to it.
 */
export function compareRoadmaps(
  ours: readonly ComparedItem[],
  theirs: readonly ComparedItem[],
): RoadmapComparison {
  return {
    phases: PHASES.map((phase) => ({
      phase: phase.value,
      label: phase.label,
      ...sideBySide(
        ours.filter((item) => item.phase === phase.value),
        theirs.filter((item) => item.phase === phase.value),
      ),
    })),
    overall: sideBySide(ours, theirs),
  };
}
