import { generateNKeysBetween } from "fractional-indexing";
import * as Y from "yjs";
import { fragmentPlainText, writePlainText } from "../editor/plain-text";
import { firstIssue, type BoardSpec, type FieldSpec } from "./fields";

/**
 * A board is one Y.Doc. Its rows live in the root map `rows`, keyed by row id; each row is a Y.Map
 * of its field values plus `_order`, a fractional index. Moving a row only rewrites its `_order`,
 * so concurrent moves of one row leave it in one place (the last write wins) and never duplicate
 * it; rows inserted concurrently at one place may draw the same index, and are then ordered by id,
 * the same way on every client.
 */
export const ROWS = "rows";
export const ORDER = "_order";

export type RowMap = Y.Map<unknown>;

export interface OrderedRow {
  id: string;
  order: string;
  map: RowMap;
}

export function rowsOf(doc: Y.Doc): Y.Map<RowMap> {
  return doc.getMap<RowMap>(ROWS);
}

function compareRows(a: OrderedRow, b: OrderedRow): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every row, in board order. */
export function orderedRows(doc: Y.Doc): OrderedRow[] {
  const rows: OrderedRow[] = [];
  for (const [id, map] of rowsOf(doc)) {
    const order = map.get(ORDER);
    rows.push({ id, map, order: typeof order === "string" ? order : "" });
  }
  return rows.sort(compareRows);
}

/**
 * An index for a row placed between `before` and `after` (order indexes, null for either end). Of
 * several candidates one is drawn at random, so two people inserting at one place at the same
 * moment rarely draw the same index.
 */
export function orderBetween(before: string | null, after: string | null): string {
  let upper = after;
  // Rows that share an index (a past tie) leave no room between them: go past them.
  if (before !== null && upper !== null && upper <= before) upper = null;
  const candidates = generateNKeysBetween(before || null, upper, 8);
  return candidates[Math.floor(Math.random() * candidates.length)]!;
}

/** The order index for a row to sit at `index` of `rows` (which must not contain that row). */
export function orderAt(rows: readonly { order: string }[], index: number): string {
  const clamped = Math.max(0, Math.min(index, rows.length));
  return orderBetween(rows[clamped - 1]?.order ?? null, rows[clamped]?.order ?? null);
}

/** A row's values, rich text read as plain text. */
export function readRow(spec: BoardSpec, map: RowMap): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = map.get(field.key);
    if (field.kind === "richText")
      values[field.key] = value instanceof Y.XmlFragment ? fragmentPlainText(value) : "";
    else if (value instanceof Y.Map) values[field.key] = value.toJSON();
    else if (value !== undefined) values[field.key] = value;
  }
  return values;
}

export interface RowCheck {
  /** The values that passed validation; invalid ones are left out. */
  valid: Record<string, unknown>;
  /** Field key → message, for each invalid value. */
  errors: Record<string, string>;
}

/** Validates a row's values field by field, then the rules that span fields. */
export function checkRow(spec: BoardSpec, values: Record<string, unknown>): RowCheck {
  const valid: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = field.key in values ? values[field.key] : field.initial;
    if (value === undefined) continue;
    const parsed = field.schema.safeParse(value);
    if (parsed.success) valid[field.key] = parsed.data;
    else errors[field.key] = firstIssue(parsed.error);
  }
  for (const issue of spec.rowIssues?.(valid) ?? []) {
    errors[issue.field] = issue.message;
    delete valid[issue.field];
  }
  return { valid, errors };
}

/** Writes values into a row map: rich text as paragraphs, everything else as it is. */
function writeValues(spec: BoardSpec, map: RowMap, values: Record<string, unknown>): void {
  for (const field of spec.fields) {
    if (!(field.key in values)) continue;
    const value = values[field.key];
    if (field.kind === "richText") {
      const fragment = new Y.XmlFragment();
      map.set(field.key, fragment);
      if (typeof value === "string" && value) writePlainText(fragment, value);
    } else if (keptAsMap(field) && isEntries(value)) {
      map.set(field.key, new Y.Map(Object.entries(value)));
    } else {
      map.set(field.key, value);
    }
  }
}

export function newRowId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Adds a row at `index` of the board order (the end by default), with each field's initial value
 * unless given. Returns its id.
 */
export function insertRow(
  doc: Y.Doc,
  spec: BoardSpec,
  args: { values?: Record<string, unknown>; index?: number; id?: string; order?: string },
  origin?: unknown,
): string {
  const id = args.id ?? newRowId();
  doc.transact(() => {
    const order = args.order ?? orderAt(orderedRows(doc), args.index ?? rowsOf(doc).size);
    const map = new Y.Map<unknown>();
    rowsOf(doc).set(id, map);
    map.set(ORDER, order);
    const initial: Record<string, unknown> = {};
    for (const field of spec.fields) {
      if (field.kind === "richText") initial[field.key] = "";
      else if (field.initial !== undefined) initial[field.key] = field.initial;
    }
    writeValues(spec, map, { ...initial, ...args.values });
  }, origin);
  return id;
}

/** Moves a row to `index` of the order of `among` (rows that do not include it), e.g. a column. */
export function moveRow(
  doc: Y.Doc,
  id: string,
  among: readonly { id: string; order: string }[],
  index: number,
  origin?: unknown,
): void {
  const map = rowsOf(doc).get(id);
  if (!map) return;
  const others = among.filter((row) => row.id !== id);
  doc.transact(() => map.set(ORDER, orderAt(others, index)), origin);
}

/**
 * Whether a field is kept as a map of its own, entry by entry: the smart-procurement check, whose
 * criteria different people answer at the same time.
 */
export function keptAsMap(field: FieldSpec): boolean {
  return field.kind === "check";
}

function isEntries(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets a field kept as a map (`keptAsMap`) entry by entry: only the entries that differ are written,
 * so two people changing different entries at once both keep their change. A value stored whole by an
 * older version becomes a map on its first change.
 */
export function setEntries(
  doc: Y.Doc,
  id: string,
  key: string,
  value: Record<string, unknown>,
  origin?: unknown,
): void {
  const row = rowsOf(doc).get(id);
  if (!row) return;
  doc.transact(() => {
    let entries = row.get(key);
    if (!(entries instanceof Y.Map)) {
      entries = new Y.Map(Object.entries(isEntries(entries) ? entries : {}));
      row.set(key, entries);
    }
    const map = entries as Y.Map<unknown>;
    for (const [entry, next] of Object.entries(value))
      if (JSON.stringify(map.get(entry)) !== JSON.stringify(next)) map.set(entry, next);
    for (const entry of [...map.keys()]) if (!(entry in value)) map.delete(entry);
  }, origin);
}

/** Sets one cell. Rich-text cells are edited through their fragment, not here. */
export function setCell(doc: Y.Doc, id: string, key: string, value: unknown, origin?: unknown): void {
  const map = rowsOf(doc).get(id);
  if (!map) return;
  doc.transact(() => {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }, origin);
}

/** Deletes a row, and every reference other rows hold to it. */
export function deleteRow(doc: Y.Doc, spec: BoardSpec, id: string, origin?: unknown): void {
  const references = spec.fields.filter((field) => field.kind === "rowRefs").map((field) => field.key);
  doc.transact(() => {
    rowsOf(doc).delete(id);
    for (const [, map] of rowsOf(doc)) {
      for (const key of references) {
        const refs = map.get(key);
        if (Array.isArray(refs) && refs.includes(id))
          map.set(
            key,
            refs.filter((other) => other !== id),
          );
      }
    }
  }, origin);
}

/** The rich-text fragment of a row's field, created if it is missing. */
export function richTextOf(doc: Y.Doc, id: string, key: string): Y.XmlFragment | null {
  const map = rowsOf(doc).get(id);
  if (!map) return null;
  const value = map.get(key);
  if (value instanceof Y.XmlFragment) return value;
  const fragment = new Y.XmlFragment();
  doc.transact(() => map.set(key, fragment));
  return fragment;
}

/** Every row checked, in board order: what the projection stores and the views show. */
export function readBoard(doc: Y.Doc, spec: BoardSpec) {
  return orderedRows(doc).map((row, position) => ({
    id: row.id,
    order: row.order,
    position,
    ...checkRow(spec, readRow(spec, row.map)),
  }));
}

export type BoardRow = ReturnType<typeof readBoard>[number];
