import { generateNKeysBetween } from "fractional-indexing";
import Papa from "papaparse";
import type * as Y from "yjs";
import { fieldOf, type Owner } from "../../shared/boards/fields";
import { checkRow, insertRow, newRowId, orderedRows, readRow } from "../../shared/boards/model";
import { ROADMAP } from "../../shared/boards/roadmap";
import { validationError } from "../errors";

/** Largest file accepted for import. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
/** Most items one import may hold. */
export const CSV_MAX_ROWS = 5000;

/** A member of the city, whom the Owner column may name by name or email. */
export interface OwnerCandidate {
  userId: string;
  name: string;
  email: string;
}

type Parsed = { value: unknown } | { error: string };

interface Column {
  header: string;
  /** Other headers accepted on import, lower case. */
  aliases?: string[];
  /** The roadmap field the column holds; none for the ID column. */
  field?: string;
  /** A stored value as the cell shows it; a value of an unexpected shape is written as it is. */
  format(value: unknown): string;
  /** A non-empty cell as the field's value, or why it cannot be one. */
  parse(text: string, members: readonly OwnerCandidate[]): Parsed;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function choiceColumn(field: string, header: string, noun: string): Column {
  const options = fieldOf(ROADMAP, field).options ?? [];
  const choices = options.map((option) => option.label);
  const listed = `${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`;
  return {
    header,
    field,
    format: (value) => options.find((option) => option.value === value)?.label ?? text(value),
    parse: (cell) => {
      const wanted = cell.toLowerCase();
      const option = options.find(
        (candidate) => candidate.label.toLowerCase() === wanted || candidate.value.toLowerCase() === wanted,
      );
      return option ? { value: option.value } : { error: `“${cell}” is not a ${noun}: use ${listed}` };
    },
  };
}

/** Dates as YYYY-MM-DD, or as a UK spreadsheet shows them: DD/MM/YYYY. */
function parseDate(cell: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : cell;
}

function dateColumn(field: string, header: string): Column {
  return { header, field, format: text, parse: (cell) => ({ value: parseDate(cell) }) };
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

function flagColumn(field: string, header: string): Column {
  return {
    header,
    field,
    format: (value) => (value === true ? "Yes" : value === false ? "No" : text(value)),
    parse: (cell) => {
      const answer = cell.toLowerCase();
      if (YES.has(answer)) return { value: true };
      if (NO.has(answer)) return { value: false };
      return { error: `Use Yes or No, not “${cell}”` };
    },
  };
}

/** Clause ids in any case: "b4C" is B4c. */
function normaliseClause(ref: string): string {
  const parts = /^([a-d])(\d{0,2})([a-z])?$/i.exec(ref);
  return parts ? `${parts[1]!.toUpperCase()}${parts[2]}${(parts[3] ?? "").toLowerCase()}` : ref;
}

function ownerOf(cell: string, members: readonly OwnerCandidate[]): Owner {
  const wanted = cell.toLowerCase();
  const member =
    members.find((candidate) => candidate.email.toLowerCase() === wanted) ??
    members.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
  return member
    ? { type: "member", userId: member.userId, name: member.name }
    : { type: "partner", name: cell };
}

const ID_HEADER = "ID";
const DEPENDS_ON = "dependsOn";

/** The columns of a roadmap file, in the order an export writes them. */
const COLUMNS: Column[] = [
  { header: ID_HEADER, format: text, parse: (cell) => ({ value: cell }) },
  { header: "Title", field: "title", format: text, parse: (cell) => ({ value: cell }) },
  { header: "Description", field: "description", format: text, parse: (cell) => ({ value: cell }) },
  choiceColumn("phase", "Phase", "phase"),
  choiceColumn("status", "Status", "status"),
  {
    header: "Owner",
    field: "owner",
    format: (value) =>
      value && typeof value === "object" && "name" in value ? text((value as { name: unknown }).name) : "",
    parse: (cell, members) => ({ value: ownerOf(cell, members) }),
  },
  dateColumn("start", "Start"),
  dateColumn("end", "End"),
  flagColumn("quickWin", "Quick win"),
  {
    header: "Cost (£)",
    aliases: ["cost", "cost estimate (£)", "cost estimate"],
    field: "cost",
    format: (value) => (typeof value === "number" ? String(value) : text(value)),
    parse: (cell) => {
      const amount = Number(cell.replace(/[£,\s]/g, ""));
      return cell.replace(/[£,\s]/g, "") !== "" && Number.isFinite(amount)
        ? { value: amount }
        : { error: `Enter an amount in pounds, such as 25000, not “${cell}”` };
    },
  },
  choiceColumn("risk", "Risk", "risk level"),
  {
    header: "SCF clauses",
    aliases: ["clauses"],
    field: "clauses",
    format: (value) => (Array.isArray(value) ? value.join(", ") : text(value)),
    parse: (cell) => ({
      value: cell
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(normaliseClause),
    }),
  },
  {
    header: "Depends on",
    aliases: ["dependencies"],
    field: DEPENDS_ON,
    format: (value) => (Array.isArray(value) ? value.join("; ") : text(value)),
    parse: (cell) => ({
      value: cell
        .split(/[;\n]/)
        .map((id) => id.trim())
        .filter(Boolean),
    }),
  },
  flagColumn("milestone", "Milestone"),
  {
    header: "Checkpoints",
    aliases: ["health-check checkpoints (d)", "health-check checkpoints"],
    field: "checkpoints",
    // A semicolon would split the label in two when read back.
    format: (value) =>
      Array.isArray(value)
        ? value
            .map((checkpoint: { date?: unknown; label?: unknown }) =>
              `${text(checkpoint.date)} ${text(checkpoint.label).replaceAll(";", ",")}`.trim(),
            )
            .join("; ")
        : text(value),
    parse: (cell) => {
      const checkpoints: { date: string; label: string }[] = [];
      for (const entry of cell.split(";").map((part) => part.trim())) {
        if (!entry) continue;
        const parts = /^(\S+)\s+(.+)$/.exec(entry);
        if (!parts) {
          return { error: "Write each checkpoint as a date and a label, such as 2026-06-30 Mid-year review" };
        }
        checkpoints.push({ date: parseDate(parts[1]!), label: parts[2]!.trim() });
      }
      return { value: checkpoints };
    },
  },
];

/**
 * Values a spreadsheet would run as a formula, whatever follows on later lines: an export writes
 * them after an apostrophe, which an import takes off again.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** The roadmap as a CSV file, items in board order. Values are written as stored, valid or not. */
export function roadmapToCsv(ydoc: Y.Doc): string {
  const data = orderedRows(ydoc).map((row) => {
    const values: Record<string, unknown> = readRow(ROADMAP, row.map);
    return COLUMNS.map((column) => (column.field ? column.format(values[column.field]) : row.id));
  });
  // The byte order mark lets spreadsheet programs read the file as UTF-8 (the pound sign).
  return `\ufeff${Papa.unparse(
    { fields: COLUMNS.map((column) => column.header), data },
    { escapeFormulae: FORMULA, newline: "\r\n" },
  )}\r\n`;
}

/** One thing wrong with a row of an imported file. */
export interface ImportProblem {
  /** The row of the file, counting the header as row 1. */
  row: number;
  /** The column's heading as the file has it. */
  column: string;
  reason: string;
}

export interface ParsedImport {
  /** The items to add, in file order, each with a new id; dependencies already point at new ids. */
  items: { id: string; values: Record<string, unknown> }[];
  problems: ImportProblem[];
  /** How many rows are not imported. */
  rejectedRows: number;
  /** Headings the file has that name no roadmap field: their values are not imported. */
  ignoredColumns: string[];
}

const fileError = (message: string) => validationError({ file: message }, message);

const SPREADSHEET_FILE = /\.(xlsx|xlsm|xls|ods|numbers)$/i;
// C0 control characters other than tab, line breaks and form feeds never appear in a text file.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

/** The file's text: UTF-8 (with or without a byte order mark), UTF-16 with one, or Windows-1252. */
function decode(bytes: Uint8Array, fileName: string): string {
  if (SPREADSHEET_FILE.test(fileName)) {
    throw fileError(
      "This is a spreadsheet file, not a CSV file: save it as CSV (comma-separated values) and try again",
    );
  }
  let decoded: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Spreadsheet programs on Windows save CSV in the system's code page.
      decoded = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  const withoutMark = decoded.replace(/^\ufeff/, "");
  if (BINARY.test(withoutMark)) {
    throw fileError(
      "This file is not a CSV file: save the spreadsheet as CSV (comma-separated values) and try again",
    );
  }
  return withoutMark;
}

/** The delimiter of the header row: a comma, or what spreadsheets in some countries use instead. */
function delimiterOf(headerLine: string): string {
  const counts = [",", ";", "\t"].map((delimiter) => ({
    delimiter,
    count: headerLine.split(delimiter).length,
  }));
  return counts.reduce((best, candidate) => (candidate.count > best.count ? candidate : best)).delimiter;
}

const normaliseHeader = (header: string) => header.trim().replace(/\s+/g, " ").toLowerCase();

/** An export escapes values that spreadsheets would run as formulae with a leading apostrophe. */
const unescapeFormula = (cell: string) =>
  cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;

/**
 * Reads a roadmap CSV file and checks every row with the roadmap's own rules. Rows with any invalid
 * value are left out and reported; so are rows that depend on one left out. A file that cannot be
 * imported at all throws a validation error on the `file` field.
 */
export function parseRoadmapCsv(
  bytes: Uint8Array,
  args: { fileName?: string; members: readonly OwnerCandidate[] },
): ParsedImport {
  if (bytes.byteLength === 0) throw fileError("The file is empty: choose a CSV file with a heading row");
  if (bytes.byteLength > CSV_MAX_BYTES) {
    throw fileError("The file is larger than 2 MB: split it into smaller files and import each");
  }
  const source = decode(bytes, args.fileName ?? "");
  const parsed = Papa.parse<string[]>(source, {
    delimiter: delimiterOf(source.slice(0, source.search(/\r?\n|$/))),
    skipEmptyLines: false,
  });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    throw fileError(
      `This file is not valid CSV: a quoted value that starts on row ${(quoteError.row ?? 0) + 1} is never closed`,
    );
  }
  const [headers = [], ...records] = parsed.data;
  const columns = headers.map((header) => {
    const wanted = normaliseHeader(header);
    return COLUMNS.find(
      (column) => normaliseHeader(column.header) === wanted || column.aliases?.includes(wanted),
    );
  });
  if (!columns.some((column) => column?.field === "title")) {
    throw fileError("The file has no Title column: its first row must name the columns, as an export does");
  }
  const rows = records
    .map((cells, index) => ({ cells, row: index + 2 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (rows.length === 0) throw fileError("The file has no items: it holds only a heading row");
  if (rows.length > CSV_MAX_ROWS) {
    throw fileError("The file has more than 5,000 items: split it into smaller files and import each");
  }

  const problems: ImportProblem[] = [];
  const headerOf = new Map<string, string>();
  columns.forEach((column, index) => {
    if (column) headerOf.set(column.field ?? ID_HEADER, headers[index]!.trim());
  });
  const ignoredColumns = headers
    .filter((header, index) => !columns[index] && header.trim() !== "")
    .map((header) => header.trim());

  const candidates = rows.map(({ cells, row }) => {
    const values: Record<string, unknown> = {};
    const rowProblems: ImportProblem[] = [];
    let sourceId = "";
    columns.forEach((column, index) => {
      const cell = unescapeFormula(cells[index] ?? "");
      if (!column) return;
      // A description keeps its line breaks and spacing; every other value is trimmed.
      const value = column.field === "description" ? cell.replace(/\r\n/g, "\n").trimEnd() : cell.trim();
      if (!column.field) {
        sourceId = value;
        return;
      }
      if (value === "") return;
      const outcome = column.parse(value, args.members);
      if ("error" in outcome)
        rowProblems.push({ row, column: headers[index]!.trim(), reason: outcome.error });
      else values[column.field] = outcome.value;
    });
    // A value its parser refused is absent here, so each problem is reported once.
    for (const [field, reason] of Object.entries(checkRow(ROADMAP, values).errors)) {
      rowProblems.push({ row, column: headerOf.get(field) ?? fieldOf(ROADMAP, field).label, reason });
    }
    return { row, sourceId, values, problems: rowProblems, id: newRowId() };
  });

  // IDs name rows of this file only; the first row with an ID keeps it.
  const byId = new Map<string, (typeof candidates)[number]>();
  for (const candidate of candidates) {
    if (!candidate.sourceId) continue;
    const first = byId.get(candidate.sourceId);
    if (first) {
      candidate.problems.push({
        row: candidate.row,
        column: headerOf.get(ID_HEADER) ?? ID_HEADER,
        reason: `Row ${first.row} already has the ID “${candidate.sourceId}”`,
      });
    } else byId.set(candidate.sourceId, candidate);
  }
  const dependsOnColumn = headerOf.get(DEPENDS_ON) ?? "Depends on";
  for (const candidate of candidates) {
    const refs = candidate.values[DEPENDS_ON];
    if (!Array.isArray(refs)) continue;
    for (const ref of refs as string[]) {
      const target = byId.get(ref);
      if (target === candidate) {
        candidate.problems.push({
          row: candidate.row,
          column: dependsOnColumn,
          reason: "An item cannot depend on itself",
        });
      } else if (!target) {
        candidate.problems.push({
          row: candidate.row,
          column: dependsOnColumn,
          reason: `No row of the file has the ID “${ref}”`,
        });
      }
    }
  }
  // An item whose dependency is left out would point at nothing: leave it out too, until none does.
  let changed = true;
  while (changed) {
    changed = false;
    for (const candidate of candidates) {
      if (candidate.problems.length > 0) continue;
      const refs = (candidate.values[DEPENDS_ON] ?? []) as string[];
      const rejected = refs.map((ref) => byId.get(ref)!).find((target) => target.problems.length > 0);
      if (!rejected) continue;
      candidate.problems.push({
        row: candidate.row,
        column: dependsOnColumn,
        reason: `It depends on row ${rejected.row}, which cannot be imported`,
      });
      changed = true;
    }
  }

  const accepted = candidates.filter((candidate) => candidate.problems.length === 0);
  for (const candidate of candidates) problems.push(...candidate.problems);
  return {
    items: accepted.map((candidate) => {
      const refs = candidate.values[DEPENDS_ON];
      const values = Array.isArray(refs)
        ? { ...candidate.values, [DEPENDS_ON]: (refs as string[]).map((ref) => byId.get(ref)!.id) }
        : candidate.values;
      return { id: candidate.id, values };
    }),
    problems,
    rejectedRows: candidates.length - accepted.length,
    ignoredColumns,
  };
}

/** Appends parsed items at the end of the board, in file order. */
export function appendItems(ydoc: Y.Doc, items: ParsedImport["items"]): void {
  ydoc.transact(() => {
    // The places are drawn together, after the last row, so the items keep the file's order.
    const last = orderedRows(ydoc).at(-1)?.order || null;
    const orders = generateNKeysBetween(last, null, items.length);
    items.forEach((item, index) =>
      insertRow(ydoc, ROADMAP, { id: item.id, values: item.values, order: orders[index] }),
    );
  });
}
