import { CATEGORIES } from "../../../../shared/boards/pipeline";

const CATEGORY_LABELS = new Map<string, string>(
  CATEGORIES.map((category) => [category.value, category.label]),
);

export function categoryLabel(category: string | null): string {
  return (category && CATEGORY_LABELS.get(category)) ?? "Not stated";
}

/** OCDS tender statuses in words a supplier reads at a glance. */
const STATUS_LABELS: Record<string, string> = {
  planning: "Early planning",
  planned: "Planned",
  active: "Out to tender",
  complete: "Tender complete",
  cancelled: "Cancelled",
  withdrawn: "Withdrawn",
  unsuccessful: "Unsuccessful",
};

export function statusLabel(status: string | null): string {
  return (status && STATUS_LABELS[status]) ?? "Not stated";
}

/** "3 cities plan something similar". */
export function overlapHeadline(cityCount: number): string {
  return `${cityCount} cities plan something similar`;
}
