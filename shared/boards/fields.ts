import { z } from "zod";

/**
 * How a field is stored in a row and edited: every board declares its fields once, and the
 * declaration drives the cells of the UI, validation and the projection into SQL.
 */
export type FieldKind =
  | "text"
  /** Rich text: a Y.XmlFragment in the row, edited with the document editor, projected as plain text. */
  | "richText"
  | "choice"
  /** Any number of the field's options, kept in the options' order. */
  | "choices"
  | "flag"
  | "date"
  | "money"
  | "clauses"
  | "owner"
  | "rowRefs"
  | "checkpoints"
  /** Links to the city's documents and roadmap items that show the work was done. */
  | "evidence"
  /** The smart-procurement check: an answer and a note per contracting principle. */
  | "check";

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  /** Validates a stored value. Rich-text fields are validated as their plain text. */
  schema: z.ZodType;
  /** For choice fields: the allowed values in their natural order, with labels. */
  options?: readonly { value: string; label: string }[];
  /** Shown under the field's label in forms. */
  hint?: string;
  /** The value a new row starts with. */
  initial?: unknown;
}

export interface BoardSpec {
  /** The document kind whose Y.Doc holds this board. */
  kind: string;
  /** Singular noun for one row, for messages: "item". */
  rowNoun: string;
  titleField: string;
  fields: readonly FieldSpec[];
  /** Rules that involve several fields; each issue is shown on, and drops the value of, `field`. */
  rowIssues?: (valid: Record<string, unknown>) => { field: string; message: string }[];
}

/** Error message of the first issue, for showing next to a cell. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "This value is not valid";
}

export function fieldOf(spec: BoardSpec, key: string): FieldSpec {
  const field = spec.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`${spec.kind} has no field ${key}`);
  return field;
}

// Reusable field schemas.

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const dateValue = z
  .string()
  .regex(ISO_DATE, "Enter a date as YYYY-MM-DD")
  // Runs even when the pattern fails, so it must not throw on text that is no date at all.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, "That date does not exist");

export const optionalDate = dateValue.nullable();

/**
 * A reference to a clause of the Smart City Framework: A, B1–B14 (with an optional recommendation
 * letter, as in B4c), C or D.
 */
export const CLAUSE_REF = /^(A|B(?:1[0-4]|[1-9])|C|D)([a-z])?$/;

export const clauseRefs = z
  .array(z.string().regex(CLAUSE_REF, "Use clause ids such as A, B8, B4c, C or D"))
  .max(30, "At most 30 clause references");

/** Who owns a row: a member of the city, or a partner organisation named in words. */
export const ownerValue = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("member"), userId: z.string().uuid(), name: z.string().max(100) }),
    z.object({
      type: z.literal("partner"),
      name: z.string().trim().min(1, "Name the partner organisation").max(120, "At most 120 characters"),
    }),
  ])
  .nullable();

export type Owner = z.infer<typeof ownerValue>;

export function ownerLabel(owner: Owner): string {
  return owner ? owner.name : "";
}

export const moneyValue = z
  .number({ message: "Enter an amount in figures, such as 25000" })
  .finite("Enter an amount in figures, such as 25000")
  .min(0, "A cost cannot be negative")
  .max(1e12, "That amount is too large")
  .nullable();

export const checkpointsValue = z
  .array(
    z.object({
      date: dateValue,
      label: z.string().trim().min(1, "Say what the checkpoint checks").max(120, "At most 120 characters"),
    }),
  )
  .max(20, "At most 20 checkpoints");

export type Checkpoint = z.infer<typeof checkpointsValue>[number];

/** What a piece of evidence may point at: a document of the city, or an item of its roadmap. */
export const EVIDENCE_TYPES = ["document", "roadmapItem"] as const;

export const evidenceValue = z
  .array(
    z.object({
      type: z.enum(EVIDENCE_TYPES),
      id: z.string().min(1).max(100),
      /** The title when it was linked, shown if the linked thing is gone. */
      title: z.string().max(200),
    }),
  )
  .max(30, "At most 30 pieces of evidence");

export type Evidence = z.infer<typeof evidenceValue>[number];
