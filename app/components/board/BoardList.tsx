import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { CLAUSE_REF, type FieldSpec } from "../../../shared/boards/fields";
import { currencyOf, displayValue, FieldEditor, personColours, plural, type Member } from "./cells";
import type { BoardActions, BoardViewProps, RowPresence } from "./types";
import type { LiveRow } from "./use-board";

/** Kinds too large for a cell: they are edited in the detail panel only. */
const PANEL_ONLY = new Set(["richText", "rowRefs", "checkpoints", "evidence", "check"]);

/** The column holding each row's "Open" button, the first stop of the keyboard grid. */
const OPEN = "open";

const NO_COMPUTED: readonly ComputedColumn[] = [];

/** Height in pixels assumed for a row not yet drawn; each drawn row is measured. */
const ESTIMATED_ROW_HEIGHT = 60;

/** How far beyond the visible part of the list rows are drawn, in pixels, above and below. */
const OVERSCAN = 2500;

/** Rows moved by Page Up and Page Down. */
const PAGE_ROWS = 10;

type Direction = "ascending" | "descending";

interface Sort {
  key: string;
  direction: Direction;
}

interface CellAddress {
  rowId: string;
  field: string;
}

/**
 * A column worked out from a row rather than stored in one field, such as a score. Its cell is a
 * button that opens the row in the detail panel, where the values behind it are changed.
 */
export interface ComputedColumn {
  key: string;
  label: string;
  render(row: LiveRow): ReactNode;
  /** Null sorts last whichever the direction. */
  sortValue(row: LiveRow): string | number | null;
}

export interface BoardListProps extends Omit<BoardViewProps, "rows"> {
  rows: readonly LiveRow[];
  members: readonly Member[];
  /** The fields shown as columns, in this order; by default every field a cell can edit. */
  columns?: readonly string[];
  /** Columns worked out from each row, after the fields. */
  computed?: readonly ComputedColumn[];
  /** The choice fields offered as filters; by default every choice field. */
  choiceFilters?: readonly string[];
  /** The board's name, to start a sentence: "Roadmap". */
  boardName?: string;
}

function titleOf(row: LiveRow, titleField: string, noun: string): string {
  const title = row.values[titleField];
  return typeof title === "string" && title.trim() ? title : `Untitled ${noun}`;
}

/** A value to sort a column by; null sorts last whichever the direction. */
function sortValue(field: FieldSpec, row: LiveRow): string | number | null {
  const value = row.valid[field.key];
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case "choice": {
      const index = field.options?.findIndex((option) => option.value === value) ?? -1;
      return index < 0 ? null : index;
    }
    case "flag":
      return value === true ? 1 : 0;
    case "money":
      return typeof value === "number" ? value : null;
    case "date":
      return typeof value === "string" ? value : null;
    default: {
      const text = displayValue(field, value).toLocaleLowerCase("en-GB");
      return text ? text : null;
    }
  }
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en-GB", { numeric: true });
}

/** The clause a reference belongs to: B4c belongs to B4. */
function baseClause(ref: string): string {
  return CLAUSE_REF.exec(ref)?.[1] ?? ref;
}

/** Clause ids in the framework's order: A, B1 … B14, C, D. */
function compareClauses(a: string, b: string): number {
  const rank = (clause: string) =>
    clause === "A" ? 0 : clause.startsWith("B") ? Number(clause.slice(1)) : clause === "C" ? 100 : 101;
  return rank(a) - rank(b);
}

function ownerKey(owner: unknown): string {
  if (typeof owner !== "object" || owner === null) return "none";
  const { type, userId, name } = owner as Record<string, unknown>;
  return type === "member" ? `member:${String(userId)}` : `partner:${String(name)}`;
}

interface Filters {
  /** Words the title must contain. */
  text: string;
  /** Choice field key → chosen value. */
  choices: Record<string, string>;
  owner: string;
  clause: string;
}

const NO_FILTERS: Filters = { text: "", choices: {}, owner: "", clause: "" };

function matches(
  row: LiveRow,
  filters: Filters,
  titleField: string,
  ownerField: string | undefined,
  clauseField: string | undefined,
) {
  const words = filters.text.trim().toLocaleLowerCase("en-GB");
  if (
    words &&
    !String(row.values[titleField] ?? "")
      .toLocaleLowerCase("en-GB")
      .includes(words)
  )
    return false;
  for (const [key, chosen] of Object.entries(filters.choices)) {
    if (chosen && row.valid[key] !== chosen) return false;
  }
  if (filters.owner && ownerField && ownerKey(row.valid[ownerField]) !== filters.owner) return false;
  if (filters.clause && clauseField) {
    const refs = row.valid[clauseField];
    if (!Array.isArray(refs) || !refs.some((ref) => baseClause(String(ref)) === filters.clause)) return false;
  }
  return true;
}

interface CellProps {
  row: LiveRow;
  field: FieldSpec;
  isTitle: boolean;
  canEdit: boolean;
  editing: boolean;
  tabStop: boolean;
  peer: RowPresence | undefined;
  members: readonly Member[];
  actions: BoardActions;
  onDone(restoreFocus: boolean): void;
  rowTitle: string;
}

function ComputedCell({
  row,
  column,
  tabStop,
  rowTitle,
}: {
  row: LiveRow;
  column: ComputedColumn;
  tabStop: boolean;
  rowTitle: string;
}) {
  return (
    <td className={`board-cell board-cell--computed board-cell--${column.key}`} data-field={column.key}>
      <button type="button" className="cell-button" data-col={column.key} tabIndex={tabStop ? 0 : -1}>
        {column.render(row)}
        <span className="visually-hidden">, open {rowTitle}</span>
      </button>
    </td>
  );
}

function ListCell({
  row,
  field,
  isTitle,
  canEdit,
  editing,
  tabStop,
  peer,
  members,
  actions,
  onDone,
  rowTitle,
}: CellProps) {
  const error = row.errors[field.key];
  const errorId = error ? `cell-error-${row.id}-${field.key}` : undefined;
  const value = row.values[field.key];
  const text = displayValue(field, value, undefined, currencyOf(row));
  const Cell = isTitle ? "th" : "td";
  const className = [
    "board-cell",
    `board-cell--${field.kind}`,
    error ? "board-cell--invalid" : "",
    peer ? "board-cell--peer" : "",
  ]
    .filter(Boolean)
    .join(" ");

  let content;
  if (editing) {
    content = (
      <FieldEditor
        mode="cell"
        field={field}
        value={value}
        id={`cell-editor-${row.id}-${field.key}`}
        label={`${field.label} of ${rowTitle}`}
        describedBy={errorId}
        invalid={Boolean(error)}
        members={members}
        onCommit={(next) => actions.setCell(row.id, field.key, next)}
        onDone={onDone}
      />
    );
  } else {
    const shown = text ? (
      text
    ) : (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">Not set</span>
      </>
    );
    content = canEdit ? (
      <button
        type="button"
        className="cell-button"
        data-col={field.key}
        tabIndex={tabStop ? 0 : -1}
        aria-describedby={errorId}
      >
        {shown}
      </button>
    ) : (
      <span className="cell-text">{shown}</span>
    );
  }

  return (
    <Cell
      className={className}
      data-field={field.key}
      scope={isTitle ? "row" : undefined}
      style={peer ? { outlineColor: peer.color } : undefined}
    >
      {content}
      {error ? (
        <span className="cell-error" id={errorId}>
          <span className="cell-error__marker" aria-hidden="true">
            !
          </span>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {peer ? (
        <span className="cell-peer" style={personColours(peer.color)}>
          {peer.name}
        </span>
      ) : null}
    </Cell>
  );
}

interface RowProps {
  row: LiveRow;
  /** The row's place in the list as sorted and filtered. */
  index: number;
  columns: readonly FieldSpec[];
  computed: readonly ComputedColumn[];
  titleField: string;
  rowNoun: string;
  canEdit: boolean;
  selected: boolean;
  /** The field being edited in this row, if any. */
  editingField: string | null;
  /** The cell of this row that holds the grid's single Tab stop, if any. */
  tabStop: string | null;
  people: readonly RowPresence[] | undefined;
  members: readonly Member[];
  actions: BoardActions;
  onDone(restoreFocus: boolean): void;
}

const ListRow = memo(function ListRow({
  row,
  index,
  columns,
  computed,
  titleField,
  rowNoun,
  canEdit,
  selected,
  editingField,
  tabStop,
  people,
  members,
  actions,
  onDone,
}: RowProps) {
  const rowTitle = titleOf(row, titleField, rowNoun);
  const invalid = Object.keys(row.errors).length > 0;
  return (
    <tr
      data-testid={`row-${row.id}`}
      data-row={row.id}
      data-index={index}
      aria-rowindex={index + 2}
      className={[selected ? "board-list__row--selected" : "", invalid ? "board-list__row--invalid" : ""]
        .filter(Boolean)
        .join(" ")}
    >
      <td className="board-cell board-cell--open" data-field={OPEN}>
        <button
          type="button"
          className="cell-button cell-button--open"
          data-col={OPEN}
          tabIndex={tabStop === OPEN ? 0 : -1}
        >
          Open<span className="visually-hidden"> {rowTitle}</span>
        </button>
        {people && people.length > 0 ? (
          <span className="row-peers">
            {people.map((person) => (
              <span
                key={person.clientId}
                className="row-peers__person"
                title={person.name}
                style={personColours(person.color)}
              >
                <span aria-hidden="true">{person.name.charAt(0).toUpperCase()}</span>
                <span className="visually-hidden">{person.name} is here</span>
              </span>
            ))}
          </span>
        ) : null}
      </td>
      {columns.map((field) => (
        <ListCell
          key={field.key}
          row={row}
          field={field}
          isTitle={field.key === titleField}
          canEdit={canEdit}
          editing={editingField === field.key}
          tabStop={tabStop === field.key}
          peer={people?.find((person) => person.field === field.key)}
          members={members}
          actions={actions}
          onDone={onDone}
          rowTitle={rowTitle}
        />
      ))}
      {computed.map((column) => (
        <ComputedCell
          key={column.key}
          row={row}
          column={column}
          tabStop={tabStop === column.key}
          rowTitle={rowTitle}
        />
      ))}
    </tr>
  );
});

function cellControl(cell: Element | null | undefined): HTMLElement | null {
  return cell?.querySelector<HTMLElement>("[data-col]") ?? null;
}

/** The index of the row that contains the vertical position `y`, given each row's top in `offsets`. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/**
 * Which rows to draw: those within OVERSCAN of the visible part of the scrolling list, plus the
 * row `keep` (the one being edited), so a thousand rows cost what a few dozen do. The rows not
 * drawn are stood in for by two spacers of their measured (or estimated) height.
 */
function useRowWindow(
  rows: readonly LiveRow[],
  scroller: RefObject<HTMLElement>,
  body: RefObject<HTMLTableSectionElement>,
  keep: number,
) {
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ top: 0, height: 900 });
  // Rows change height as their text wraps, an error appears or an editor opens: each drawn row is
  // watched, and what is learnt moves the rows below it.
  const [resizes] = useState(() =>
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver((entries) => {
          const learnt = entries.flatMap((entry) => {
            const id = (entry.target as HTMLElement).dataset.row;
            const height = entry.borderBoxSize[0]?.blockSize ?? 0;
            return id && height > 0 ? [[id, height] as const] : [];
          });
          setHeights((current) => {
            let next: Map<string, number> | null = null;
            for (const [id, height] of learnt) {
              if (Math.abs((current.get(id) ?? ESTIMATED_ROW_HEIGHT) - height) < 0.5) continue;
              next ??= new Map(current);
              next.set(id, height);
            }
            return next ?? current;
          });
        }),
  );

  useLayoutEffect(() => {
    if (!resizes) return;
    resizes.disconnect();
    for (const row of body.current?.querySelectorAll<HTMLElement>("tr[data-row]") ?? []) resizes.observe(row);
  });

  useEffect(() => () => resizes?.disconnect(), [resizes]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((current) =>
        current.top === element.scrollTop && current.height === element.clientHeight
          ? current
          : { top: element.scrollTop, height: element.clientHeight },
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener("scroll", schedule, { passive: true });
    const viewport = new ResizeObserver(schedule);
    viewport.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener("scroll", schedule);
      viewport.disconnect();
    };
  }, [scroller]);

  const offsets = useMemo(() => {
    const tops = new Float64Array(rows.length + 1);
    rows.forEach((row, index) => {
      tops[index + 1] = tops[index]! + (heights.get(row.id) ?? ESTIMATED_ROW_HEIGHT);
    });
    return tops;
  }, [rows, heights]);

  let first = rows.length === 0 ? 0 : rowAt(offsets, view.top - OVERSCAN);
  let last = rows.length === 0 ? 0 : rowAt(offsets, view.top + view.height + OVERSCAN) + 1;
  if (keep >= 0) {
    first = Math.min(first, keep);
    last = Math.max(last, keep + 1);
  }
  return {
    first,
    last,
    before: offsets[first]!,
    after: offsets[rows.length]! - offsets[last]!,
    /** The top of row `index`, for scrolling to a row not drawn yet. */
    topOf: (index: number) => offsets[index] ?? 0,
  };
}

/**
 * Every row of a board in a table: sort by any column, filter, and edit in place. Cells are text
 * or a button until opened, so a thousand rows stay light; arrow keys move between cells, Enter or
 * F2 opens a cell's editor, Enter or leaving commits, Escape cancels.
 */
export function BoardList({
  spec,
  rows,
  canEdit,
  actions,
  selectedId,
  presence,
  members,
  columns: columnKeys,
  computed = NO_COMPUTED,
  choiceFilters,
  boardName = "Roadmap",
}: BoardListProps) {
  const columns = useMemo(
    () =>
      columnKeys
        ? columnKeys.flatMap((key) => spec.fields.filter((field) => field.key === key))
        : spec.fields.filter((field) => !PANEL_ONLY.has(field.kind)),
    [spec, columnKeys],
  );
  const choiceFields = useMemo(
    () =>
      spec.fields.filter(
        (field) => field.kind === "choice" && (!choiceFilters || choiceFilters.includes(field.key)),
      ),
    [spec, choiceFilters],
  );
  const opens = useMemo(() => new Set([OPEN, ...computed.map((column) => column.key)]), [computed]);
  const nouns = plural(spec.rowNoun);
  const ownerField = spec.fields.find((field) => field.kind === "owner");
  const clauseField = spec.fields.find((field) => field.kind === "clauses");
  const [sort, setSort] = useState<Sort | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editing, setEditing] = useState<CellAddress | null>(null);
  const [active, setActive] = useState<CellAddress | null>(null);
  const editingRef = useRef<CellAddress | null>(null);
  const focusAfterEdit = useRef<CellAddress | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  /** A cell to focus once its row is drawn: keyboard moves to rows outside the drawn window. */
  const pendingFocus = useRef<{ index: number; field: string } | null>(null);

  const shown = useMemo(() => {
    const filtered = rows.filter((row) =>
      matches(row, filters, spec.titleField, ownerField?.key, clauseField?.key),
    );
    if (!sort) return filtered;
    const field = spec.fields.find((candidate) => candidate.key === sort.key);
    const column = computed.find((candidate) => candidate.key === sort.key);
    const valueOf = field
      ? (row: LiveRow) => sortValue(field, row)
      : column
        ? (row: LiveRow) => column.sortValue(row)
        : null;
    if (!valueOf) return filtered;
    const keyed = filtered.map((row) => ({ row, value: valueOf(row) }));
    keyed.sort((a, b) => {
      if (a.value === null || b.value === null)
        return compareValues(a.value, b.value) || a.row.position - b.row.position;
      const order = compareValues(a.value, b.value);
      return (sort.direction === "ascending" ? order : -order) || a.row.position - b.row.position;
    });
    return keyed.map((entry) => entry.row);
  }, [rows, filters, sort, spec, computed, ownerField?.key, clauseField?.key]);

  const editingIndex = editing ? shown.findIndex((row) => row.id === editing.rowId) : -1;
  const rowWindow = useRowWindow(shown, scrollerRef, bodyRef, editingIndex);
  const drawn = shown.slice(rowWindow.first, rowWindow.last);

  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const control = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-index="${pending.index}"] [data-col="${pending.field}"]`,
    );
    if (!control) return;
    pendingFocus.current = null;
    control.focus();
  });

  /** Focuses a cell of row `index` of the list, scrolling it into the drawn window first if need be. */
  const focusCell = (index: number, field: string) => {
    const target = Math.max(0, Math.min(index, shown.length - 1));
    const control = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-index="${target}"] [data-col="${field}"]`,
    );
    if (control) {
      control.focus();
      return;
    }
    pendingFocus.current = { index: target, field };
    if (scrollerRef.current) scrollerRef.current.scrollTop = rowWindow.topOf(target);
  };

  const ownerOptions = useMemo(() => {
    const partners = new Set<string>();
    for (const row of rows) {
      const owner = ownerField ? row.valid[ownerField.key] : null;
      if (owner && typeof owner === "object" && (owner as { type?: unknown }).type === "partner") {
        partners.add(String((owner as { name?: unknown }).name));
      }
    }
    return [
      ...members.map((member) => ({ value: `member:${member.id}`, label: member.name })),
      ...[...partners]
        .sort((a, b) => a.localeCompare(b, "en-GB"))
        .map((name) => ({ value: `partner:${name}`, label: `${name} (partner)` })),
      { value: "none", label: "No owner" },
    ];
  }, [rows, members, ownerField]);

  const clauseOptions = useMemo(() => {
    const clauses = new Set<string>();
    for (const row of rows) {
      const refs = clauseField ? row.valid[clauseField.key] : null;
      if (Array.isArray(refs)) for (const ref of refs) clauses.add(baseClause(String(ref)));
    }
    return [...clauses].sort(compareClauses);
  }, [rows, clauseField]);

  const stopEditing = useCallback(
    (restoreFocus: boolean) => {
      focusAfterEdit.current = restoreFocus ? editingRef.current : null;
      editingRef.current = null;
      setEditing(null);
      actions.focus(null);
    },
    [actions],
  );

  useEffect(() => {
    const address = focusAfterEdit.current;
    if (editing || !address) return;
    focusAfterEdit.current = null;
    tableRef.current
      ?.querySelector<HTMLElement>(`tr[data-row="${address.rowId}"] [data-col="${address.field}"]`)
      ?.focus();
  }, [editing]);

  const startEditing = (address: CellAddress) => {
    editingRef.current = address;
    setEditing(address);
    setActive(address);
    actions.focus(address.rowId, address.field);
  };

  const addressOf = (control: HTMLElement): CellAddress | null => {
    const rowId = control.closest("tr")?.dataset.row;
    const field = control.dataset.col;
    return rowId && field ? { rowId, field } : null;
  };

  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const control = (event.target as HTMLElement).closest<HTMLElement>("[data-col]");
    const address = control && addressOf(control);
    if (!address) return;
    if (opens.has(address.field)) actions.select(address.rowId);
    else if (canEdit) startEditing(address);
  };

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    if (!target.dataset.col) return;
    const address = addressOf(target);
    if (address && (active?.rowId !== address.rowId || active.field !== address.field)) setActive(address);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const field = target.dataset.col;
    if (!field) return;
    const cell = target.closest("td, th");
    const row = target.closest("tr");
    const index = Number(row?.dataset.index);
    const moveTo = (next: HTMLElement | null) => {
      event.preventDefault();
      next?.focus();
    };
    const moveToRow = (rowIndex: number) => {
      event.preventDefault();
      focusCell(rowIndex, field);
    };
    switch (event.key) {
      case "ArrowRight":
        return moveTo(cellControl(cell?.nextElementSibling));
      case "ArrowLeft":
        return moveTo(cellControl(cell?.previousElementSibling));
      case "ArrowDown":
        return moveToRow(index + 1);
      case "ArrowUp":
        return moveToRow(index - 1);
      case "PageDown":
        return moveToRow(index + PAGE_ROWS);
      case "PageUp":
        return moveToRow(index - PAGE_ROWS);
      case "Home":
        return event.ctrlKey ? moveToRow(0) : moveTo(cellControl(row?.firstElementChild));
      case "End":
        return event.ctrlKey ? moveToRow(shown.length - 1) : moveTo(cellControl(row?.lastElementChild));
      case "Enter":
      case "F2": {
        if (opens.has(field) || !canEdit) return;
        const address = addressOf(target);
        if (!address) return;
        event.preventDefault();
        startEditing(address);
        return;
      }
    }
  };

  const toggleSort = (key: string) =>
    setSort((current) =>
      current?.key !== key
        ? { key, direction: "ascending" }
        : current.direction === "ascending"
          ? { key, direction: "descending" }
          : null,
    );

  const filtering =
    Object.values(filters.choices).some(Boolean) || Boolean(filters.text || filters.owner || filters.clause);
  const drawnIds = new Set(drawn.map((row) => row.id));
  const tabStop =
    active && drawnIds.has(active.rowId) ? active : drawn[0] ? { rowId: drawn[0].id, field: OPEN } : null;
  const sortedLabel = sort
    ? (
        spec.fields.find((field) => field.key === sort.key) ??
        computed.find((column) => column.key === sort.key)
      )?.label
    : undefined;

  return (
    <div className="board-list">
      <div className="board-filters" role="group" aria-label={`Filter ${nouns}`}>
        <div className="board-filters__filter board-filters__filter--text">
          <label className="board-filters__label" htmlFor="filter-text">
            Title contains
          </label>
          <input
            id="filter-text"
            className="input board-input"
            type="search"
            autoComplete="off"
            value={filters.text}
            onChange={(event) => setFilters((current) => ({ ...current, text: event.target.value }))}
          />
        </div>
        {choiceFields.map((field) => (
          <div className="board-filters__filter" key={field.key}>
            <label className="board-filters__label" htmlFor={`filter-${field.key}`}>
              {field.label}
            </label>
            <select
              id={`filter-${field.key}`}
              className="select board-input"
              value={filters.choices[field.key] ?? ""}
              onChange={(event) =>
                setFilters((current) => ({
                  ...current,
                  choices: { ...current.choices, [field.key]: event.target.value },
                }))
              }
            >
              <option value="">Any</option>
              {field.options?.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {ownerField ? (
          <div className="board-filters__filter">
            <label className="board-filters__label" htmlFor="filter-owner">
              {ownerField.label}
            </label>
            <select
              id="filter-owner"
              className="select board-input"
              value={filters.owner}
              onChange={(event) => setFilters((current) => ({ ...current, owner: event.target.value }))}
            >
              <option value="">Anyone</option>
              {ownerOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {clauseField ? (
          <div className="board-filters__filter">
            <label className="board-filters__label" htmlFor="filter-clause">
              Clause
            </label>
            <select
              id="filter-clause"
              className="select board-input"
              value={filters.clause}
              onChange={(event) => setFilters((current) => ({ ...current, clause: event.target.value }))}
            >
              <option value="">Any</option>
              {clauseOptions.map((clause) => (
                <option key={clause} value={clause}>
                  {clause}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {filtering ? (
          <button
            type="button"
            className="button button--secondary button--small board-filters__clear"
            onClick={() => setFilters(NO_FILTERS)}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <p className="board-list__count" role="status">
        {shown.length === rows.length
          ? `${rows.length} ${rows.length === 1 ? spec.rowNoun : nouns}`
          : `Showing ${shown.length} of ${rows.length} ${nouns}`}
        {sortedLabel && sort ? `, sorted by ${sortedLabel.toLowerCase()} (${sort.direction})` : ""}
      </p>
      {canEdit ? (
        <p className="board-list__hint" id="board-list-hint">
          Select a cell to change it. Arrow keys move between cells; Enter saves, Escape cancels.
        </p>
      ) : null}
      <div className="table-wrap board-list__wrap" ref={scrollerRef}>
        <table
          className="board-list__table"
          ref={tableRef}
          aria-describedby={canEdit ? "board-list-hint" : undefined}
          aria-rowcount={shown.length + 1}
        >
          <caption className="visually-hidden">
            {boardName} {nouns}
          </caption>
          <colgroup>
            <col className="board-list__col--open" />
            {columns.map((field) => (
              <col key={field.key} className={`board-list__col--${field.kind}`} />
            ))}
            {computed.map((column) => (
              <col key={column.key} className={`board-list__col--${column.key}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="board-cell--open">
                <span className="visually-hidden">Details</span>
              </th>
              {columns.map((field) => {
                const direction = sort?.key === field.key ? sort.direction : undefined;
                return (
                  <th
                    key={field.key}
                    scope="col"
                    aria-sort={direction}
                    className={field.key === spec.titleField ? "board-list__title-header" : undefined}
                  >
                    <button type="button" className="sort-button" onClick={() => toggleSort(field.key)}>
                      {field.label}
                      <span className="sort-button__icon" aria-hidden="true">
                        {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
              {computed.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th key={column.key} scope="col" aria-sort={direction}>
                    <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                      {column.label}
                      <span className="sort-button__icon" aria-hidden="true">
                        {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody onClick={onClick} onKeyDown={onKeyDown} onFocus={onFocus} ref={bodyRef}>
            {rowWindow.before > 0 ? (
              <tr className="board-list__spacer" aria-hidden="true">
                <td colSpan={columns.length + computed.length + 1} style={{ height: rowWindow.before }} />
              </tr>
            ) : null}
            {drawn.map((row, offset) => (
              <ListRow
                key={row.id}
                row={row}
                index={rowWindow.first + offset}
                columns={columns}
                computed={computed}
                titleField={spec.titleField}
                rowNoun={spec.rowNoun}
                canEdit={canEdit}
                selected={row.id === selectedId}
                editingField={editing?.rowId === row.id ? editing.field : null}
                tabStop={tabStop?.rowId === row.id ? tabStop.field : null}
                people={presence.get(row.id)}
                members={members}
                actions={actions}
                onDone={stopEditing}
              />
            ))}
            {rowWindow.after > 0 ? (
              <tr className="board-list__spacer" aria-hidden="true">
                <td colSpan={columns.length + computed.length + 1} style={{ height: rowWindow.after }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && rows.length > 0 ? (
        <p className="empty-state">
          No {nouns} match these filters. Clear the filters to see every {spec.rowNoun}.
        </p>
      ) : null}
    </div>
  );
}
