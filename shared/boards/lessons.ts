import { z } from "zod";
import { clauseRefs, type BoardSpec, type FieldSpec } from "./fields";
import { contactValue } from "./governance";

/**
 * Challenges that many cities name in their plans (after the framework's figure of common challenges
 * and shared visions), by which lessons are filed.
 */
export const CHALLENGE_THEMES = [
  { value: "population-growth", label: "A growing population" },
  { value: "ageing", label: "An ageing population" },
  { value: "prosperity", label: "Economic prosperity" },
  { value: "health-inequality", label: "Health and inequality" },
  { value: "skills", label: "Skills and access to markets" },
  { value: "jobs", label: "Creating and keeping jobs" },
  { value: "infrastructure", label: "Infrastructure under strain" },
  { value: "budgets", label: "Tight public budgets" },
  { value: "service-needs", label: "Changing needs for services" },
  { value: "climate", label: "Climate change" },
  { value: "resources", label: "Scarce resources" },
  { value: "energy", label: "Resilient energy" },
] as const;

export type ChallengeTheme = (typeof CHALLENGE_THEMES)[number]["value"];

const THEME_VALUES = new Set<string>(CHALLENGE_THEMES.map((theme) => theme.value));

const section = (label: string, hint: string): FieldSpec => ({
  key: "",
  label,
  kind: "richText",
  schema: z.string().max(20_000, "At most 20,000 characters"),
  hint,
});

const fields: FieldSpec[] = [
  {
    key: "title",
    label: "Title",
    kind: "text",
    schema: z.string().trim().min(1, "Give the lesson a title").max(200, "At most 200 characters"),
    hint: "What was learned, in a line",
    initial: "",
  },
  { ...section("Context", "The city and the situation the work started from"), key: "context" },
  { ...section("The need", "The problem to solve, and for whom"), key: "need" },
  { ...section("What we did", "The approach, who took part, and what it took"), key: "action" },
  {
    ...section("Result and evidence", "What changed, how it was measured, what you would do again"),
    key: "result",
  },
  {
    key: "clauses",
    label: "SCF clauses",
    kind: "clauses",
    schema: clauseRefs,
    hint: "Clause ids such as B4, B5c, C",
    initial: [],
  },
  {
    key: "themes",
    label: "Challenge themes",
    kind: "choices",
    options: CHALLENGE_THEMES,
    schema: z
      .array(z.string().refine((value) => THEME_VALUES.has(value), "Choose themes from the list"))
      .max(CHALLENGE_THEMES.length),
    initial: [],
  },
  {
    key: "contact",
    label: "Contact",
    kind: "text",
    schema: contactValue,
    hint: "Who to ask about it: an email address, web address or phone number",
    initial: "",
  },
];

/** A city's lessons in a shared space, written in the framework's pattern form, one row per lesson. */
export const LESSONS: BoardSpec = {
  kind: "lessons",
  rowNoun: "lesson",
  titleField: "title",
  fields,
};

/** A lesson's values once validated; a field whose value is invalid is left out. */
export interface Lesson {
  title?: string;
  context?: string;
  need?: string;
  action?: string;
  result?: string;
  clauses?: string[];
  themes?: ChallengeTheme[];
  contact?: string;
}
