import { z } from "zod";
import { clauseRefs, dateValue, moneyValue, optionalDate, type BoardSpec, type FieldSpec } from "./fields";

/**
 * A city's procurement pipeline (B5): one row per opportunity, from an idea to a closed contract,
 * with the outcome sought, value, method and planned dates, and the smart-procurement check.
 */
export const STAGES = [
  { value: "idea", label: "Idea" },
  { value: "pipeline", label: "Pipeline" },
  { value: "market-engagement", label: "Market engagement" },
  { value: "tender", label: "Tender" },
  { value: "awarded", label: "Awarded" },
  { value: "contract-live", label: "Contract live" },
  { value: "closed", label: "Closed" },
  { value: "cancelled", label: "Cancelled" },
  { value: "withdrawn", label: "Withdrawn" },
] as const;

export type Stage = (typeof STAGES)[number]["value"];

/** What is bought, as OCDS names it (`mainProcurementCategory`). */
export const CATEGORIES = [
  { value: "goods", label: "Goods" },
  { value: "services", label: "Services" },
  { value: "works", label: "Works" },
] as const;

export type Category = (typeof CATEGORIES)[number]["value"];

/** How the city means to buy; each maps to one of OCDS's four `procurementMethod` codes. */
export const METHODS = [
  { value: "open", label: "Open procedure", ocds: "open" },
  { value: "competitive-flexible", label: "Competitive flexible procedure", ocds: "selective" },
  { value: "competitive-dialogue", label: "Competitive dialogue", ocds: "selective" },
  { value: "innovation-partnership", label: "Innovation partnership", ocds: "selective" },
  { value: "framework-call-off", label: "Call-off from a framework", ocds: "selective" },
  { value: "direct-award", label: "Direct award", ocds: "direct" },
  { value: "undecided", label: "Not decided yet", ocds: null },
] as const;

export type Method = (typeof METHODS)[number]["value"];

export const CURRENCIES = [
  { value: "GBP", label: "GBP (£)" },
  { value: "EUR", label: "EUR (€)" },
  { value: "USD", label: "USD ($)" },
] as const;

/** The framework's smart contracting principles, each a question asked of every opportunity. */
export const CHECK_CRITERIA = [
  {
    key: "outcomes",
    label: "Outcome-based specification",
    question: "Does the specification say what must be achieved, leaving suppliers to propose how?",
  },
  {
    key: "openData",
    label: "Open data",
    question:
      "Is the data the city's, or will the supplier make it available through open standards on fair terms?",
  },
  {
    key: "innovation",
    label: "Innovation and collaboration",
    question: "Does the contract reward new ideas and working with others, and sharing city assets?",
  },
  {
    key: "interoperability",
    label: "Interoperability and open standards",
    question: "Must what is bought work with other systems through open standards?",
  },
  {
    key: "exit",
    label: "Exit costs and whole-life cost",
    question: "Are the costs of leaving and the total cost of ownership known and weighed from the start?",
  },
  {
    key: "smes",
    label: "SME engagement",
    question: "Can small and local firms take part, directly or through the main supplier?",
  },
] as const;

export type CheckKey = (typeof CHECK_CRITERIA)[number]["key"];

export const CHECK_ANSWERS = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
] as const;

export type CheckAnswer = (typeof CHECK_ANSWERS)[number]["value"];

const checkEntry = z.object({
  answer: z.enum(["yes", "partly", "no"]).nullable(),
  note: z.string().max(1000, "At most 1,000 characters"),
});

export const checkValue = z.object(
  Object.fromEntries(CHECK_CRITERIA.map((criterion) => [criterion.key, checkEntry.optional()])) as Record<
    CheckKey,
    z.ZodOptional<typeof checkEntry>
  >,
);

export type SmartCheck = z.infer<typeof checkValue>;

/** Criteria whose "no" leaves the city tied to one supplier. */
const LOCK_IN_CRITERIA: readonly CheckKey[] = ["openData", "interoperability", "exit"];

/** Stages from which the terms of the contract are set: an unanswered lock-in question is then a risk too. */
const COMMITTED_STAGES: readonly Stage[] = ["tender", "awarded", "contract-live"];

export interface CheckSummary {
  /** 0–100: yes counts fully, partly half, no and unanswered nothing. */
  score: number;
  answered: number;
  /** Why the opportunity risks lock-in; empty when it does not. */
  lockIn: string[];
}

export function summariseCheck(check: SmartCheck | undefined, stage: Stage | undefined): CheckSummary {
  let points = 0;
  let answered = 0;
  const lockIn: string[] = [];
  for (const criterion of CHECK_CRITERIA) {
    const answer = check?.[criterion.key]?.answer ?? null;
    if (answer !== null) answered++;
    if (answer === "yes") points += 1;
    else if (answer === "partly") points += 0.5;
    if (!LOCK_IN_CRITERIA.includes(criterion.key)) continue;
    if (answer === "no") lockIn.push(`${criterion.label}: no`);
    else if (answer === null && stage && COMMITTED_STAGES.includes(stage))
      lockIn.push(`${criterion.label}: not answered`);
  }
  return { score: Math.round((points / CHECK_CRITERIA.length) * 100), answered, lockIn };
}

const choice = <T extends readonly { value: string }[]>(options: T, message: string) =>
  z.enum(options.map((option) => option.value) as [T[number]["value"], ...T[number]["value"][]], {
    message,
  });

/** A Common Procurement Vocabulary code: eight digits, optionally a check digit after a hyphen. */
export const CPV_CODE = /^\d{8}(-\d)?$/;

const fields: FieldSpec[] = [
  {
    key: "title",
    label: "Title",
    kind: "text",
    schema: z.string().trim().min(1, "Give the opportunity a title").max(200, "At most 200 characters"),
    initial: "",
  },
  {
    key: "outcome",
    label: "Outcome sought",
    kind: "richText",
    schema: z.string().max(20_000, "At most 20,000 characters"),
    hint: "What must be achieved, not how",
  },
  {
    key: "stage",
    label: "Stage",
    kind: "choice",
    options: STAGES,
    schema: choice(STAGES, "Choose a stage"),
    initial: "idea",
  },
  {
    key: "category",
    label: "Category",
    kind: "choice",
    options: CATEGORIES,
    schema: choice(CATEGORIES, "Choose goods, services or works").nullable(),
    initial: null,
  },
  {
    key: "cpv",
    label: "CPV code",
    kind: "text",
    schema: z.string().trim().regex(CPV_CODE, "Enter eight digits, such as 34970000").or(z.literal("")),
    hint: "Optional: the Common Procurement Vocabulary code",
    initial: "",
  },
  { key: "value", label: "Estimated value", kind: "money", schema: moneyValue, initial: null },
  {
    key: "currency",
    label: "Currency",
    kind: "choice",
    options: CURRENCIES,
    schema: choice(CURRENCIES, "Choose a currency"),
    initial: "GBP",
  },
  {
    key: "budgetSource",
    label: "Budget source",
    kind: "text",
    schema: z.string().trim().max(200, "At most 200 characters"),
    initial: "",
  },
  {
    key: "method",
    label: "Procurement method",
    kind: "choice",
    options: METHODS,
    schema: choice(METHODS, "Choose a method"),
    initial: "undecided",
  },
  { key: "engagementDate", label: "Market engagement", kind: "date", schema: optionalDate, initial: null },
  { key: "tenderDate", label: "Tender", kind: "date", schema: optionalDate, initial: null },
  { key: "awardDate", label: "Award", kind: "date", schema: optionalDate, initial: null },
  { key: "contractStart", label: "Contract start", kind: "date", schema: optionalDate, initial: null },
  { key: "contractEnd", label: "Contract end", kind: "date", schema: optionalDate, initial: null },
  {
    key: "roadmapItems",
    label: "Roadmap items",
    kind: "evidence",
    schema: z
      .array(
        z.object({
          type: z.literal("roadmapItem"),
          id: z.string().min(1).max(100),
          title: z.string().max(200),
        }),
      )
      .max(30, "At most 30 roadmap items"),
    initial: [],
  },
  {
    key: "clauses",
    label: "SCF clauses",
    kind: "clauses",
    schema: clauseRefs,
    hint: "Clause ids such as B5, B5b, B14",
    initial: [],
  },
  { key: "check", label: "Smart-procurement check", kind: "check", schema: checkValue, initial: {} },
];

/** Planned dates in the order they happen; each must not come before the one before it. */
const DATE_ORDER = ["engagementDate", "tenderDate", "awardDate", "contractStart", "contractEnd"] as const;

export function pipelineRowIssues(values: Record<string, unknown>): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  let previous: { key: string; date: string } | null = null;
  for (const key of DATE_ORDER) {
    const date = values[key];
    if (typeof date !== "string" || !dateValue.safeParse(date).success) continue;
    if (previous && date < previous.date) {
      const label = fields.find((field) => field.key === previous!.key)?.label ?? previous.key;
      issues.push({ field: key, message: `This comes before the ${label.toLowerCase()} date` });
    } else {
      previous = { key, date };
    }
  }
  return issues;
}

export const PIPELINE: BoardSpec = {
  kind: "pipeline",
  rowNoun: "opportunity",
  titleField: "title",
  fields,
  rowIssues: pipelineRowIssues,
};

/** An opportunity's values once validated; a field whose value is invalid is left out. */
export interface Opportunity {
  title?: string;
  outcome?: string;
  stage?: Stage;
  category?: Category | null;
  cpv?: string;
  value?: number | null;
  currency?: "GBP" | "EUR" | "USD";
  budgetSource?: string;
  method?: Method;
  engagementDate?: string | null;
  tenderDate?: string | null;
  awardDate?: string | null;
  contractStart?: string | null;
  contractEnd?: string | null;
  roadmapItems?: { type: "roadmapItem"; id: string; title: string }[];
  clauses?: string[];
  check?: SmartCheck;
}
