import { z } from "zod";
import type * as Y from "yjs";
import { RECOMMENDATIONS } from "../scf/catalogue";
import { evidenceValue, optionalDate, type BoardSpec, type Evidence, type FieldSpec } from "./fields";
import { insertRow, orderedRows, rowsOf } from "./model";

/**
 * A city's framework tracker: one row per recommendation of the Smart City Framework, keyed by
 * the recommendation's id ("B4c"), with where the city stands on it.
 */
export const TRACKER_STATUSES = [
  { value: "not-started", label: "Not started" },
  { value: "planned", label: "Planned" },
  { value: "in-progress", label: "In progress" },
  { value: "in-place", label: "In place" },
  { value: "not-applicable", label: "Not applicable" },
] as const;

export type TrackerStatus = (typeof TRACKER_STATUSES)[number]["value"];

const statusValues = TRACKER_STATUSES.map((status) => status.value) as [TrackerStatus, ...TrackerStatus[]];

/** The owner of a recommendation is always a member of the city. */
const memberOwner = z
  .object({ type: z.literal("member"), userId: z.string().uuid(), name: z.string().max(100) })
  .nullable();

const fields: FieldSpec[] = [
  {
    key: "status",
    label: "Status",
    kind: "choice",
    options: TRACKER_STATUSES,
    schema: z.enum(statusValues, { message: "Choose a status" }),
    initial: "not-started",
  },
  {
    key: "reason",
    label: "Why it does not apply",
    kind: "text",
    schema: z.string().trim().max(500, "At most 500 characters"),
    hint: "Needed when the recommendation does not apply to the city",
    initial: "",
  },
  {
    key: "owner",
    label: "Owner",
    kind: "owner",
    schema: memberOwner,
    hint: "A member of the city",
    initial: null,
  },
  { key: "target", label: "Target date", kind: "date", schema: optionalDate, initial: null },
  { key: "evidence", label: "Evidence", kind: "evidence", schema: evidenceValue, initial: [] },
  {
    key: "notes",
    label: "Notes",
    kind: "richText",
    schema: z.string().max(20_000, "At most 20,000 characters"),
  },
];

export const TRACKER: BoardSpec = {
  kind: "framework",
  rowNoun: "recommendation",
  titleField: "status",
  fields,
  // A reason that is there but invalid (too long) keeps its own message.
  rowIssues: (values) =>
    values.status === "not-applicable" && values.reason === ""
      ? [{ field: "reason", message: "Say why this does not apply to the city" }]
      : [],
};

/** A tracker row's values once validated; a field whose value is invalid is left out. */
export interface TrackerEntry {
  status?: TrackerStatus;
  reason?: string;
  owner?: z.infer<typeof memberOwner>;
  target?: string | null;
  evidence?: Evidence[];
  notes?: string;
}

/**
 * Adds a row for every recommendation the tracker does not hold yet, in the framework's order.
 * Rows already there are left as they are, so running it again changes nothing.
 */
export function addMissingRecommendations(doc: Y.Doc, origin?: unknown): number {
  const missing = RECOMMENDATIONS.filter((recommendation) => !rowsOf(doc).has(recommendation.id));
  if (missing.length === 0) return 0;
  doc.transact(() => {
    for (const recommendation of missing) {
      insertRow(doc, TRACKER, { id: recommendation.id, index: orderedRows(doc).length });
    }
  }, origin);
  return missing.length;
}

/** Whether a recommendation is overdue: a target date passed and it is not in place or set aside. */
export function isOverdue(entry: TrackerEntry, today: string): boolean {
  return (
    typeof entry.target === "string" &&
    entry.target < today &&
    entry.status !== "in-place" &&
    entry.status !== "not-applicable"
  );
}
