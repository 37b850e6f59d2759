import { z } from "zod";
import { optionalDate, ownerValue, type BoardSpec, type FieldSpec } from "./fields";

/**
 * A city's leadership and governance (B3): who leads the programme and on which board they sit,
 * and the log of what those boards decided. Each is a board of its own.
 */
export const GOVERNANCE_BOARDS = [
  { value: "strategic", label: "Strategic board" },
  { value: "delivery", label: "Delivery board" },
  { value: "other", label: "Other" },
] as const;

export type GovernanceBoard = (typeof GOVERNANCE_BOARDS)[number]["value"];

const boardValues = GOVERNANCE_BOARDS.map((board) => board.value) as [GovernanceBoard, ...GovernanceBoard[]];

// Control characters and spaces have no place in an address, however they are written.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_ADDRESS = /[\u0000-\u0020\u007f-\u009f]/;

/** Whether text is an absolute http or https address, the only links a register may hold. */
export function isWebAddress(text: string): boolean {
  if (UNSAFE_IN_ADDRESS.test(text) || !/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;

/** How a public contact is shown: an email address, a web address or a phone number. */
export type ContactKind = "email" | "web" | "phone";

export function contactKind(contact: string): ContactKind | null {
  if (EMAIL.test(contact)) return "email";
  if (isWebAddress(contact)) return "web";
  if (PHONE.test(contact)) return "phone";
  return null;
}

/** A contact as a register holds it: empty, or an email address, web address or phone number. */
export const contactValue = z
  .string()
  .trim()
  .max(200, "At most 200 characters")
  .refine(
    (text) => text === "" || contactKind(text) !== null,
    "Enter an email address, a web address starting with https:// or a phone number",
  );

const webAddress = z
  .string()
  .trim()
  .max(500, "At most 500 characters")
  .refine(
    (text) => text === "" || isWebAddress(text),
    "Enter a web address starting with https:// or http://",
  );

const leadershipFields: FieldSpec[] = [
  {
    key: "name",
    label: "Name",
    kind: "text",
    schema: z.string().trim().min(1, "Give the person's name").max(120, "At most 120 characters"),
    initial: "",
  },
  {
    key: "role",
    label: "Role",
    kind: "text",
    schema: z.string().trim().max(120, "At most 120 characters"),
    hint: "Their role in the programme, such as senior responsible owner",
    initial: "",
  },
  {
    key: "organisation",
    label: "Organisation",
    kind: "text",
    schema: z.string().trim().max(160, "At most 160 characters"),
    initial: "",
  },
  {
    key: "board",
    label: "Sits on",
    kind: "choice",
    options: GOVERNANCE_BOARDS,
    schema: z.enum(boardValues, { message: "Choose a board" }),
    initial: "strategic",
  },
  {
    key: "responsibility",
    label: "Responsible for",
    kind: "text",
    schema: z.string().trim().max(500, "At most 500 characters"),
    initial: "",
  },
  {
    key: "contact",
    label: "Contact",
    kind: "text",
    schema: contactValue,
    hint: "An email address, web address or phone number",
    initial: "",
  },
  {
    key: "public",
    label: "Public",
    kind: "flag",
    schema: z.boolean(),
    hint: "Shown on the city's public page, with the contact, once published",
    initial: false,
  },
];

export const LEADERSHIP: BoardSpec = {
  kind: "leadership",
  rowNoun: "leader",
  titleField: "name",
  fields: leadershipFields,
};

/** A member of the leadership team once validated; a field whose value is invalid is left out. */
export interface Leader {
  name?: string;
  role?: string;
  organisation?: string;
  board?: GovernanceBoard;
  responsibility?: string;
  contact?: string;
  public?: boolean;
}

const decisionFields: FieldSpec[] = [
  {
    key: "decision",
    label: "Decision",
    kind: "text",
    schema: z.string().trim().min(1, "Say what was decided").max(300, "At most 300 characters"),
    initial: "",
  },
  { key: "date", label: "Date", kind: "date", schema: optionalDate, initial: null },
  {
    key: "madeBy",
    label: "Decided by",
    kind: "choice",
    options: GOVERNANCE_BOARDS,
    schema: z.enum(boardValues, { message: "Choose a board" }).nullable(),
    initial: null,
  },
  {
    key: "rationale",
    label: "Rationale",
    kind: "richText",
    schema: z.string().max(10_000, "At most 10,000 characters"),
    hint: "Why this was decided, and what else was considered",
  },
  {
    key: "owner",
    label: "Owner",
    kind: "owner",
    schema: ownerValue,
    hint: "Who carries the decision out: a member of the city, or a partner organisation",
    initial: null,
  },
  {
    key: "link",
    label: "Link",
    kind: "text",
    schema: webAddress,
    hint: "Minutes or papers, starting with https://",
    initial: "",
  },
];

export const DECISIONS: BoardSpec = {
  kind: "decisions",
  rowNoun: "decision",
  titleField: "decision",
  fields: decisionFields,
};
