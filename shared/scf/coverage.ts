import { TRACKER_STATUSES, isOverdue, type TrackerEntry, type TrackerStatus } from "../boards/framework";
import { COMPONENTS, PROCESS_AREAS, RECOMMENDATIONS, type CatalogueRecommendation } from "./catalogue";

export type StatusCounts = Record<TrackerStatus, number>;

export interface CoverageGroup {
  id: string;
  title: string;
  counts: StatusCounts;
  total: number;
  /** Recommendations in place, out of those that apply (not-applicable ones are left out). */
  inPlace: number;
  applicable: number;
}

export interface Coverage {
  overall: CoverageGroup;
  components: CoverageGroup[];
  areas: CoverageGroup[];
  /** Recommendations whose target date has passed, earliest first. */
  overdue: { recommendation: CatalogueRecommendation; entry: TrackerEntry }[];
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(TRACKER_STATUSES.map((status) => [status.value, 0])) as StatusCounts;
}

function group(
  id: string,
  title: string,
  recommendations: readonly CatalogueRecommendation[],
  entryOf: (id: string) => TrackerEntry,
): CoverageGroup {
  const counts = emptyCounts();
  for (const recommendation of recommendations) counts[entryOf(recommendation.id).status ?? "not-started"]++;
  const total = recommendations.length;
  return {
    id,
    title,
    counts,
    total,
    inPlace: counts["in-place"],
    applicable: total - counts["not-applicable"],
  };
}

/**
 * Where a city stands against every recommendation: counts by status overall, per component and
 * per process area of component B, and what is overdue on `today` (YYYY-MM-DD). A recommendation
 * with no entry yet counts as not started.
 */
export function trackerCoverage(entries: ReadonlyMap<string, TrackerEntry>, today: string): Coverage {
  const entryOf = (id: string): TrackerEntry => entries.get(id) ?? {};
  return {
    overall: group("all", "All recommendations", RECOMMENDATIONS, entryOf),
    components: COMPONENTS.map((component) =>
      group(
        component.id,
        component.title,
        RECOMMENDATIONS.filter((recommendation) => recommendation.clause.component === component.id),
        entryOf,
      ),
    ),
    areas: PROCESS_AREAS.map((area) =>
      group(
        area.id,
        area.title,
        RECOMMENDATIONS.filter((recommendation) => recommendation.clause.area === area.id),
        entryOf,
      ),
    ),
    overdue: RECOMMENDATIONS.flatMap((recommendation) => {
      const entry = entryOf(recommendation.id);
      return isOverdue(entry, today) ? [{ recommendation, entry }] : [];
    }).sort((a, b) => (a.entry.target! < b.entry.target! ? -1 : a.entry.target! > b.entry.target! ? 1 : 0)),
  };
}
