import { z } from "zod";
import {
  checkpointsValue,
  clauseRefs,
  moneyValue,
  optionalDate,
  ownerValue,
  type BoardSpec,
  type FieldSpec,
} from "./fields";

/** The phases of a smart city roadmap (B8), in order. */
export const PHASES = [
  { value: "PLAN", label: "Plan" },
  { value: "INITIATE", label: "Initiate" },
  { value: "DELIVER", label: "Deliver" },
  { value: "CONSOLIDATE", label: "Consolidate" },
  { value: "TRANSFORM", label: "Transform" },
] as const;

export type Phase = (typeof PHASES)[number]["value"];

export const STATUSES = [
  { value: "proposed", label: "Proposed" },
  { value: "planned", label: "Planned" },
  { value: "in-progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "blocked", label: "Blocked" },
  { value: "dropped", label: "Dropped" },
] as const;

export type Status = (typeof STATUSES)[number]["value"];

export const RISKS = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
] as const;

const choice = <T extends readonly { value: string }[]>(options: T, message: string) =>
  z.enum(options.map((option) => option.value) as [T[number]["value"], ...T[number]["value"][]], {
    message,
  });

const fields: FieldSpec[] = [
  {
    key: "title",
    label: "Title",
    kind: "text",
    schema: z.string().trim().min(1, "Give the item a title").max(200, "At most 200 characters"),
    initial: "",
  },
  {
    key: "description",
    label: "Description",
    kind: "richText",
    schema: z.string().max(20_000, "At most 20,000 characters"),
  },
  {
    key: "phase",
    label: "Phase",
    kind: "choice",
    options: PHASES,
    schema: choice(PHASES, "Choose a phase"),
    initial: "PLAN",
  },
  {
    key: "status",
    label: "Status",
    kind: "choice",
    options: STATUSES,
    schema: choice(STATUSES, "Choose a status"),
    initial: "proposed",
  },
  {
    key: "owner",
    label: "Owner",
    kind: "owner",
    schema: ownerValue,
    hint: "A member of the city, or a partner organisation",
    initial: null,
  },
  { key: "start", label: "Start", kind: "date", schema: optionalDate, initial: null },
  { key: "end", label: "End", kind: "date", schema: optionalDate, initial: null },
  {
    key: "quickWin",
    label: "Quick win",
    kind: "flag",
    schema: z.boolean(),
    hint: "Early, visible benefit at low cost: shown first",
    initial: false,
  },
  { key: "cost", label: "Cost estimate (£)", kind: "money", schema: moneyValue, initial: null },
  {
    key: "risk",
    label: "Risk",
    kind: "choice",
    options: RISKS,
    schema: choice(RISKS, "Choose a risk level").nullable(),
    initial: null,
  },
  {
    key: "clauses",
    label: "SCF clauses",
    kind: "clauses",
    schema: clauseRefs,
    hint: "Clause ids such as B8, B4c, D",
    initial: [],
  },
  {
    key: "dependsOn",
    label: "Depends on",
    kind: "rowRefs",
    schema: z.array(z.string().min(1)).max(50, "At most 50 dependencies"),
    initial: [],
  },
  { key: "milestone", label: "Milestone", kind: "flag", schema: z.boolean(), initial: false },
  {
    key: "public",
    label: "Public",
    kind: "flag",
    schema: z.boolean(),
    hint: "Shown with its status on the city's public page, once published",
    initial: false,
  },
  {
    key: "checkpoints",
    label: "Health-check checkpoints (D)",
    kind: "checkpoints",
    schema: checkpointsValue,
    initial: [],
  },
];

export const ROADMAP: BoardSpec = {
  kind: "roadmap",
  rowNoun: "item",
  titleField: "title",
  fields,
  rowIssues: roadmapRowIssues,
};

/** A roadmap item's values once validated; a field whose value is invalid is left out. */
export interface RoadmapItem {
  id: string;
  title?: string;
  description?: string;
  phase?: Phase;
  status?: Status;
  owner?: z.infer<typeof ownerValue>;
  start?: string | null;
  end?: string | null;
  quickWin?: boolean;
  cost?: number | null;
  risk?: "low" | "medium" | "high" | null;
  clauses?: string[];
  dependsOn?: string[];
  milestone?: boolean;
  public?: boolean;
  checkpoints?: z.infer<typeof checkpointsValue>;
}

/** Checks that involve more than one field of an item; the message is shown on `field`. */
export function roadmapRowIssues(values: Record<string, unknown>): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const { start, end } = values;
  if (typeof start === "string" && typeof end === "string" && end < start) {
    issues.push({ field: "end", message: "The end comes before the start" });
  }
  return issues;
}

/** Share of items done, per phase and overall; dropped items do not count. */
export function roadmapProgress(items: Pick<RoadmapItem, "phase" | "status">[]) {
  const count = (subset: typeof items) => {
    const counted = subset.filter((item) => item.status !== "dropped");
    const done = counted.filter((item) => item.status === "done").length;
    return { done, total: counted.length, share: counted.length ? done / counted.length : 0 };
  };
  return {
    overall: count(items),
    phases: PHASES.map((phase) => ({
      phase: phase.value,
      label: phase.label,
      ...count(items.filter((item) => item.phase === phase.value)),
    })),
  };
}
