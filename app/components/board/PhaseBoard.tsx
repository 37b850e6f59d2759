import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from "react";
import { fieldOf, ownerLabel, type BoardSpec, type Owner } from "../../../shared/boards/fields";
import type { BoardRow } from "../../../shared/boards/model";
import { PHASES, RISKS, STATUSES, roadmapProgress, type Status } from "../../../shared/boards/roadmap";
import { countOf, plural } from "./cells";
import { formatDateRange } from "./timeline-scale";
import type { BoardViewProps, RowPresence } from "./types";

const STATUS_LABELS = new Map<string, string>(STATUSES.map((status) => [status.value, status.label]));
const RISK_LABELS = new Map<string, string>(RISKS.map((risk) => [risk.value, risk.label]));

/** Whether a row is marked as a quick win; B8 asks for these to come first. */
export function isQuickWin(row: Pick<BoardRow, "valid">): boolean {
  return row.valid.quickWin === true;
}

function titleFor(row: BoardRow, spec: BoardSpec): string {
  const title = row.valid[spec.titleField];
  return typeof title === "string" && title ? title : `Untitled ${spec.rowNoun}`;
}

/** The choice field a board's columns stand for. */
export interface BoardGrouping {
  field: string;
  /** One column each, in this order. */
  options: readonly { value: string; label: string }[];
  /** What one column is, for messages: "phase". */
  noun: string;
}

const BY_PHASE: BoardGrouping = { field: "phase", options: PHASES, noun: "phase" };

/** What a card says about its row beyond the title, and the summary at the top of each column. */
export interface CardContent {
  /** Badges above the title, or null for none (an invalid value is always flagged). */
  flags(row: BoardRow): ReactNode;
  /** Facts under the title. */
  details(row: BoardRow): ReactNode;
  /** Under a column's heading, from the column's rows. */
  columnSummary(rows: readonly BoardRow[]): ReactNode;
}

const STATUS_AND_OWNER: CardContent = {
  flags(row) {
    if (!isQuickWin(row) && row.valid.milestone !== true) return null;
    return (
      <>
        {isQuickWin(row) && <span className="board-badge board-badge--quick-win">Quick win</span>}
        {row.valid.milestone === true && (
          <span className="board-badge board-badge--milestone">
            <span aria-hidden="true">◆ </span>Milestone
          </span>
        )}
      </>
    );
  },
  details(row) {
    const status = typeof row.valid.status === "string" ? row.valid.status : null;
    const owner = ownerLabel((row.valid.owner ?? null) as Owner);
    const dates = formatDateRange(row.valid.start as string | null, row.valid.end as string | null);
    const risk = typeof row.valid.risk === "string" ? row.valid.risk : null;
    const clauses = Array.isArray(row.valid.clauses) ? (row.valid.clauses as string[]) : [];
    return (
      <>
        {status && (
          <span className={`item-status item-status--${status}`}>{STATUS_LABELS.get(status) ?? status}</span>
        )}
        {owner && (
          <span className="board-card__detail">
            <span className="visually-hidden">Owner: </span>
            {owner}
          </span>
        )}
        {dates && <span className="board-card__detail">{dates}</span>}
        {risk && (
          <span className={`board-card__detail board-card__risk board-card__risk--${risk}`}>
            Risk: {RISK_LABELS.get(risk) ?? risk}
          </span>
        )}
        {clauses.length > 0 && (
          <span className="board-card__detail board-card__clauses">
            <span className="visually-hidden">SCF clauses: </span>
            {clauses.join(" ")}
          </span>
        )}
      </>
    );
  },
  columnSummary(rows) {
    const { overall } = roadmapProgress(rows.map((row) => ({ status: row.valid.status as Status })));
    return (
      <>
        <p className="phase-column__summary">
          <span>
            {overall.done} of {overall.total} done
          </span>
          <span>{countOf(rows.length, "item")}</span>
        </p>
        <div className="phase-column__progress" aria-hidden="true">
          <span style={{ width: `${overall.total ? (100 * overall.done) / overall.total : 0}%` }} />
        </div>
      </>
    );
  },
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** A column's cards as shown: its quick wins first, then the rest, each in board order. */
export function displayOrder<T extends Pick<BoardRow, "valid">>(columnRows: readonly T[]) {
  const quickWins = columnRows.filter(isQuickWin);
  const others = columnRows.filter((row) => !isQuickWin(row));
  return { cards: [...quickWins, ...others], quickWins: quickWins.length };
}

/**
 * The index for `moveToPhase` that puts a row at `slot` of its own group (the quick wins, or the
 * others) as the target column shows it. `columnRows` are the target column's rows in board order;
 * they may include the row itself, which is left out. A row keeps its quick-win flag when it moves,
 * so it can only land within its own group: placing it just before the group's card at `slot` (or
 * just after the group's last card) puts it exactly there, whatever rows of the other group lie
 * between them in board order.
 */
export function boardIndexForSlot(
  columnRows: readonly Pick<BoardRow, "id" | "valid">[],
  rowId: string,
  quickWin: boolean,
  slot: number,
): number {
  const others = columnRows.filter((row) => row.id !== rowId);
  const group = others.filter((row) => isQuickWin(row) === quickWin);
  const clamped = Math.max(0, Math.min(slot, group.length));
  if (clamped < group.length) return others.indexOf(group[clamped]!);
  if (group.length > 0) return others.indexOf(group[group.length - 1]!) + 1;
  return quickWin ? 0 : others.length;
}

interface Column {
  /** The group's value; null for rows whose value is missing or invalid. */
  phase: string | null;
  label: string;
  /** In board order. */
  rows: BoardRow[];
  /** In display order: quick wins first. */
  cards: BoardRow[];
  quickWins: number;
}

function buildColumns(rows: readonly BoardRow[], grouping: BoardGrouping): Column[] {
  const byGroup = new Map<string | null, BoardRow[]>();
  for (const row of rows) {
    const value = row.valid[grouping.field];
    const group = grouping.options.some((option) => option.value === value) ? (value as string) : null;
    let list = byGroup.get(group);
    if (!list) byGroup.set(group, (list = []));
    list.push(row);
  }
  const column = (phase: string | null, label: string, columnRows: BoardRow[]): Column => ({
    phase,
    label,
    rows: columnRows,
    ...displayOrder(columnRows),
  });
  const columns = grouping.options.map((option) =>
    column(option.value, option.label, byGroup.get(option.value) ?? []),
  );
  const loose = byGroup.get(null);
  if (loose) columns.push(column(null, `No ${grouping.noun}`, loose));
  return columns;
}

/** What the move menu of the card whose menu is open offers. */
interface MoveMenu {
  up: boolean;
  down: boolean;
  phases: { value: string; label: string }[];
}

interface CardHandlers {
  click(event: MouseEvent, rowId: string): void;
  keyDown(event: KeyboardEvent, rowId: string): void;
  focus(rowId: string): void;
  dragStart(event: DragEvent, rowId: string): void;
  dragEnd(): void;
  toggleMenu(rowId: string): void;
  menuKeyDown(event: KeyboardEvent, rowId: string): void;
  step(rowId: string, by: -1 | 1): void;
  moveTo(rowId: string, phase: string): void;
}

interface BoardHandlers extends CardHandlers {
  /** Drops the dragged row where the pointer is over a column's card list. */
  dropOn(list: HTMLElement, phase: string, clientY: number, rowId: string): void;
}

interface CardProps {
  spec: BoardSpec;
  content: CardContent;
  row: BoardRow;
  presence: readonly RowPresence[] | undefined;
  tabbable: boolean;
  selected: boolean;
  dragging: boolean;
  canEdit: boolean;
  menu: MoveMenu | null;
  hintId: string;
  handlers: CardHandlers;
}

/**
 * A card shows a row's values, not its place in the board order: a row that only moved keeps its
 * checked values and errors, and its card is not rendered again.
 */
function sameCard(previous: CardProps, next: CardProps): boolean {
  for (const key of Object.keys(next) as (keyof CardProps)[]) {
    if (key === "row") continue;
    if (previous[key] !== next[key]) return false;
  }
  return (
    previous.row.id === next.row.id &&
    previous.row.valid === next.row.valid &&
    previous.row.errors === next.row.errors
  );
}

/** One item on the board; re-renders only when its values, presence or state on the board change. */
const Card = memo(function Card({
  spec,
  content,
  row,
  presence,
  tabbable,
  selected,
  dragging,
  canEdit,
  menu,
  hintId,
  handlers,
}: CardProps) {
  const title = titleFor(row, spec);
  const flags = content.flags(row);
  const errors = Object.entries(row.errors);
  const quickWin = isQuickWin(row);
  const people = presence ?? [];
  const ring = people[0]?.color;

  const className = [
    "board-card",
    quickWin && "board-card--quick-win",
    selected && "board-card--selected",
    dragging && "board-card--dragging",
    errors.length > 0 && "board-card--invalid",
    ring && "board-card--present",
    menu && "board-card--menu-open",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <li
      className={className}
      data-card-id={row.id}
      data-quick-win={quickWin}
      draggable={canEdit}
      onDragStart={canEdit ? (event) => handlers.dragStart(event, row.id) : undefined}
      onDragEnd={canEdit ? handlers.dragEnd : undefined}
      onClick={(event) => handlers.click(event, row.id)}
      style={ring ? { boxShadow: `inset 0 0 0 3px ${ring}` } : undefined}
    >
      <div
        className="board-card__body"
        role="button"
        tabIndex={tabbable ? 0 : -1}
        data-testid={`card-${row.id}`}
        aria-labelledby={`card-title-${row.id}`}
        aria-describedby={`card-details-${row.id} ${hintId}`}
        aria-current={selected ? "true" : undefined}
        onKeyDown={(event) => handlers.keyDown(event, row.id)}
        onFocus={() => handlers.focus(row.id)}
      >
        {(flags !== null || errors.length > 0) && (
          <div className="board-card__flags">
            {flags}
            {errors.length > 0 && (
              <span
                className="board-badge board-badge--invalid"
                title={errors.map(([key, message]) => `${fieldOf(spec, key).label}: ${message}`).join("\n")}
              >
                <span aria-hidden="true">! </span>
                {errors.length === 1 ? "1 invalid value" : `${errors.length} invalid values`}
              </span>
            )}
          </div>
        )}
        <span className="board-card__title" id={`card-title-${row.id}`}>
          {title}
        </span>
        <span className="board-card__details" id={`card-details-${row.id}`}>
          {content.details(row)}
          {errors.length > 0 && (
            <span className="visually-hidden">
              {errors.map(([key, message]) => `${fieldOf(spec, key).label}: ${message}.`).join(" ")}
            </span>
          )}
        </span>
      </div>
      {(people.length > 0 || canEdit) && (
        <div className="board-card__footer">
          {people.length > 0 && (
            <ul className="board-card__people" aria-label="Also here">
              {people.map((person) => (
                <li key={person.clientId} title={person.name}>
                  <span
                    className="board-card__person"
                    aria-hidden="true"
                    style={{ backgroundColor: person.color }}
                  >
                    {initials(person.name)}
                  </span>
                  <span className="visually-hidden">{person.name}</span>
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <button
              type="button"
              className="board-card__move"
              aria-expanded={menu !== null}
              aria-controls={menu ? `card-menu-${row.id}` : undefined}
              onClick={() => handlers.toggleMenu(row.id)}
            >
              Move<span className="visually-hidden"> {title}</span>
            </button>
          )}
        </div>
      )}
      {menu && (
        <div
          className="board-card__menu"
          id={`card-menu-${row.id}`}
          role="group"
          aria-label={`Move ${title}`}
          onKeyDown={(event) => handlers.menuKeyDown(event, row.id)}
        >
          <button type="button" disabled={!menu.up} onClick={() => handlers.step(row.id, -1)}>
            Up
          </button>
          <button type="button" disabled={!menu.down} onClick={() => handlers.step(row.id, 1)}>
            Down
          </button>
          {menu.phases.map((phase) => (
            <button key={phase.value} type="button" onClick={() => handlers.moveTo(row.id, phase.value)}>
              To {phase.label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}, sameCard);

/** Where a dragged card would land in a column: a slot of its own group, and the indicator's offset. */
interface DropTarget {
  phase: string;
  slot: number;
  y: number;
}

/** Half the gap between cards, where the drop indicator is drawn. */
const INDICATOR_OFFSET = 4;

/**
 * The slot of the moving card's group under the pointer in a column's card list, read from the
 * cards as they are laid out (quick wins first). Outside its group, the nearest end of the group.
 */
function dropSlotAt(list: HTMLElement, clientY: number, rowId: string, quickWin: boolean) {
  const cards = Array.from(list.children).filter(
    (element): element is HTMLElement =>
      element instanceof HTMLElement &&
      element.dataset.cardId !== undefined &&
      element.dataset.cardId !== rowId,
  );
  const quickWins = cards.filter((card) => card.dataset.quickWin === "true").length;
  const [first, last] = quickWin ? [0, quickWins] : [quickWins, cards.length];
  let position = cards.length;
  for (let index = 0; index < cards.length; index++) {
    const box = cards[index]!.getBoundingClientRect();
    if (clientY < box.top + box.height / 2) {
      position = index;
      break;
    }
  }
  position = Math.max(first, Math.min(position, last));
  const before = cards[position];
  const after = cards[position - 1];
  const y = before
    ? before.offsetTop - INDICATOR_OFFSET
    : after
      ? after.offsetTop + after.offsetHeight + INDICATOR_OFFSET
      : INDICATOR_OFFSET;
  return { slot: position - first, y };
}

export interface PhaseBoardProps extends BoardViewProps {
  /** The field the columns stand for: the roadmap's phase unless given. */
  grouping?: BoardGrouping;
  /** What cards and columns show: the roadmap's status, owner and progress unless given. */
  content?: CardContent;
}

/**
 * A board of columns, one per value of a choice field (the roadmap's phases unless told
 * otherwise), quick wins first in each. Cards move by drag and drop, by a Move menu, or from the
 * keyboard with Alt and the arrow keys; every move is announced.
 */
export function PhaseBoard({
  spec,
  rows,
  canEdit,
  actions,
  selectedId,
  presence,
  grouping = BY_PHASE,
  content = STATUS_AND_OWNER,
}: PhaseBoardProps) {
  const columns = useMemo(() => buildColumns(rows, grouping), [rows, grouping]);
  const nouns = plural(spec.rowNoun);
  const boardRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfterMove = useRef<string | null>(null);
  const hintId = "phase-board-hint";

  /** Where each row is: its column and its place in the column as shown. */
  const places = useMemo(() => {
    const map = new Map<string, { column: number; index: number }>();
    columns.forEach((column, columnIndex) =>
      column.cards.forEach((row, index) => map.set(row.id, { column: columnIndex, index })),
    );
    return map;
  }, [columns]);

  const tabbableId =
    activeId !== null && places.has(activeId)
      ? activeId
      : (columns.find((column) => column.cards[0])?.cards[0]?.id ?? null);

  // Handlers read the latest render through this ref, so they stay the same object and the
  // memoised cards are not re-rendered by them.
  const latest = useRef({ columns, places, actions, canEdit, menuFor, spec, grouping });
  latest.current = { columns, places, actions, canEdit, menuFor, spec, grouping };

  const handlers = useMemo<BoardHandlers>(() => {
    const focusCard = (rowId: string) => {
      const card = boardRef.current?.querySelector<HTMLElement>(`[data-testid="card-${CSS.escape(rowId)}"]`);
      card?.focus();
    };

    const titleOf = (row: BoardRow) => titleFor(row, latest.current.spec);

    const locate = (rowId: string) => {
      const { columns, places } = latest.current;
      const place = places.get(rowId);
      if (!place) return null;
      const column = columns[place.column]!;
      const row = column.cards[place.index]!;
      const quickWin = isQuickWin(row);
      const slot = quickWin ? place.index : place.index - column.quickWins;
      const groupSize = quickWin ? column.quickWins : column.cards.length - column.quickWins;
      return { place, column, row, quickWin, slot, groupSize };
    };

    /** Moves a row to `slot` of its group in the column of `phase`, and says where it went. */
    const move = (rowId: string, phase: string, slot: number, refocus: boolean) => {
      const here = locate(rowId);
      const target = latest.current.columns.find((column) => column.phase === phase);
      if (!here || !target) return;
      const index = boardIndexForSlot(target.rows, rowId, here.quickWin, slot);
      const others = target.rows.filter((row) => row.id !== rowId);
      const samePlace = here.column === target && target.rows.findIndex((row) => row.id === rowId) === index;
      if (samePlace) return;
      latest.current.actions.moveToPhase(rowId, phase, index);
      const group = others.filter((row) => isQuickWin(row) === here.quickWin).length;
      const before = here.quickWin ? 0 : others.filter(isQuickWin).length;
      const position = before + Math.min(slot, group) + 1;
      setAnnouncement(
        `Moved “${titleOf(here.row)}” to ${target.label}, position ${position} of ${others.length + 1}`,
      );
      if (refocus) focusAfterMove.current = rowId;
    };

    const step = (rowId: string, by: -1 | 1, refocus: boolean) => {
      const here = locate(rowId);
      if (!here || here.column.phase === null) return;
      const slot = here.slot + by;
      if (slot < 0 || slot >= here.groupSize) {
        const group = here.quickWin ? "quick wins" : plural(latest.current.spec.rowNoun);
        const edge = by < 0 ? "first" : "last";
        setAnnouncement(
          `“${titleOf(here.row)}” is already the ${edge} of the ${group} in ${here.column.label}`,
        );
        return;
      }
      move(rowId, here.column.phase, slot, refocus);
    };

    const sideways = (rowId: string, by: -1 | 1) => {
      const here = locate(rowId);
      if (!here) return;
      if (here.column.phase === null) {
        setAnnouncement(`Open “${titleOf(here.row)}” to choose its ${latest.current.grouping.noun}`);
        return;
      }
      const target = latest.current.columns[here.place.column + by];
      if (!target || target.phase === null) {
        const edge = by < 0 ? "first" : "last";
        setAnnouncement(`“${titleOf(here.row)}” is already in the ${edge} ${latest.current.grouping.noun}`);
        return;
      }
      const groupSize = here.quickWin ? target.quickWins : target.cards.length - target.quickWins;
      move(rowId, target.phase, Math.min(here.slot, groupSize), true);
    };

    /** Arrow keys without Alt: up and down the column, or across to the nearest card of the next column with cards. */
    const walk = (rowId: string, key: string) => {
      const { columns, places } = latest.current;
      const place = places.get(rowId);
      if (!place) return;
      if (key === "ArrowUp" || key === "ArrowDown") {
        const next = columns[place.column]!.cards[place.index + (key === "ArrowUp" ? -1 : 1)];
        if (next) focusCard(next.id);
        return;
      }
      const by = key === "ArrowLeft" ? -1 : 1;
      for (let index = place.column + by; index >= 0 && index < columns.length; index += by) {
        const cards = columns[index]!.cards;
        if (cards.length === 0) continue;
        focusCard(cards[Math.min(place.index, cards.length - 1)]!.id);
        return;
      }
    };

    return {
      click(event, rowId) {
        const target = event.target as HTMLElement;
        if (target.closest(".board-card__move, .board-card__menu")) return;
        latest.current.actions.select(rowId);
      },
      keyDown(event, rowId) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          latest.current.actions.select(rowId);
          return;
        }
        if (!["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].includes(event.key)) return;
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        if (!event.altKey) return walk(rowId, event.key);
        if (!latest.current.canEdit) return;
        if (event.key === "ArrowUp") return step(rowId, -1, true);
        if (event.key === "ArrowDown") return step(rowId, 1, true);
        sideways(rowId, event.key === "ArrowLeft" ? -1 : 1);
      },
      focus(rowId) {
        setActiveId(rowId);
      },
      dragStart(event, rowId) {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", rowId);
        setMenuFor(null);
        setDraggingId(rowId);
      },
      dragEnd() {
        setDraggingId(null);
        setDropTarget(null);
      },
      toggleMenu(rowId) {
        setMenuFor((open) => (open === rowId ? null : rowId));
      },
      menuKeyDown(event, rowId) {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        setMenuFor(null);
        boardRef.current
          ?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(rowId)}"] .board-card__move`)
          ?.focus();
      },
      step(rowId, by) {
        setMenuFor(null);
        step(rowId, by, true);
      },
      moveTo(rowId, phase) {
        const here = locate(rowId);
        const target = latest.current.columns.find((column) => column.phase === phase);
        setMenuFor(null);
        if (!here || !target) return;
        const groupSize = here.quickWin ? target.quickWins : target.cards.length - target.quickWins;
        move(rowId, phase, groupSize, true);
      },
      dropOn(list: HTMLElement, phase: string, clientY: number, rowId: string) {
        const here = locate(rowId);
        if (!here) return;
        move(rowId, phase, dropSlotAt(list, clientY, rowId, here.quickWin).slot, false);
      },
    };
  }, []);

  // After a move from the keyboard or the menu, the card is rendered afresh in its new place: give
  // it back the focus.
  useEffect(() => {
    const rowId = focusAfterMove.current;
    if (rowId === null || !places.has(rowId)) return;
    focusAfterMove.current = null;
    setActiveId(rowId);
    boardRef.current?.querySelector<HTMLElement>(`[data-testid="card-${CSS.escape(rowId)}"]`)?.focus();
  }, [places]);

  // The move menu closes when the pointer goes down anywhere else.
  useEffect(() => {
    if (menuFor === null) return;
    const close = (event: PointerEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest?.(`[data-card-id="${CSS.escape(menuFor)}"] .board-card__menu, .board-card__move`))
        return;
      setMenuFor(null);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [menuFor]);

  const moveMenu = useMemo<MoveMenu | null>(() => {
    const place = menuFor === null ? undefined : places.get(menuFor);
    if (!place) return null;
    const column = columns[place.column]!;
    const quickWin = place.index < column.quickWins;
    const slot = quickWin ? place.index : place.index - column.quickWins;
    const groupSize = quickWin ? column.quickWins : column.cards.length - column.quickWins;
    return {
      up: column.phase !== null && slot > 0,
      down: column.phase !== null && slot < groupSize - 1,
      phases: grouping.options.filter((option) => option.value !== column.phase),
    };
  }, [menuFor, places, columns, grouping]);

  /** Shows where the card would land; on entering too, as browsers may wait a moment before the first dragover. */
  const onDragOver = (event: DragEvent<HTMLUListElement>, phase: string) => {
    if (draggingId === null) return;
    const place = places.get(draggingId);
    if (!place) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const column = columns[place.column]!;
    const quickWin = place.index < column.quickWins;
    const { slot, y } = dropSlotAt(event.currentTarget, event.clientY, draggingId, quickWin);
    if (dropTarget?.phase !== phase || dropTarget.slot !== slot || dropTarget.y !== y) {
      setDropTarget({ phase, slot, y });
    }
  };

  const onDragLeave = (event: DragEvent<HTMLUListElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setDropTarget(null);
  };

  const onDrop = (event: DragEvent<HTMLUListElement>, phase: string) => {
    if (draggingId === null) return;
    event.preventDefault();
    handlers.dropOn(event.currentTarget, phase, event.clientY, draggingId);
    setDraggingId(null);
    setDropTarget(null);
  };

  return (
    <div className="phase-board" ref={boardRef}>
      <p className="phase-board__hint" id={hintId}>
        {canEdit
          ? `Drag ${nouns} between ${plural(grouping.noun)}, or use the Move button. From the keyboard: arrow keys go from ${spec.rowNoun} to ${spec.rowNoun}, Alt with an arrow key moves the ${spec.rowNoun}, Enter opens it.`
          : `Arrow keys go from ${spec.rowNoun} to ${spec.rowNoun}; Enter opens one.`}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="board-announcement">
        {announcement}
      </p>
      <div className="phase-board__columns">
        {columns.map((column) => {
          const headingId = `phase-column-${column.phase ?? "none"}`;
          const dropPhase = column.phase;
          return (
            <section
              key={column.phase ?? "none"}
              className="phase-column"
              aria-labelledby={headingId}
              data-testid={`column-${column.phase ?? "none"}`}
            >
              <header className="phase-column__header">
                <h2 className="phase-column__title" id={headingId}>
                  {column.label}
                </h2>
                {content.columnSummary(column.rows)}
              </header>
              <ul
                className="phase-column__cards"
                aria-labelledby={headingId}
                onDragEnter={
                  canEdit && dropPhase !== null ? (event) => onDragOver(event, dropPhase) : undefined
                }
                onDragOver={
                  canEdit && dropPhase !== null ? (event) => onDragOver(event, dropPhase) : undefined
                }
                onDragLeave={canEdit && dropPhase !== null ? onDragLeave : undefined}
                onDrop={canEdit && dropPhase !== null ? (event) => onDrop(event, dropPhase) : undefined}
              >
                {column.cards.map((row) => (
                  <Card
                    key={row.id}
                    spec={spec}
                    content={content}
                    row={row}
                    presence={presence.get(row.id)}
                    tabbable={row.id === tabbableId}
                    selected={row.id === selectedId}
                    dragging={row.id === draggingId}
                    canEdit={canEdit}
                    menu={row.id === menuFor ? moveMenu : null}
                    hintId={hintId}
                    handlers={handlers}
                  />
                ))}
                {column.cards.length === 0 && (
                  <li className="phase-column__empty">
                    {canEdit ? `No ${nouns} yet: drop one here` : `No ${nouns}`}
                  </li>
                )}
                {dropTarget !== null && dropTarget.phase === column.phase && (
                  <li
                    role="presentation"
                    aria-hidden="true"
                    className="phase-column__indicator"
                    style={{ top: dropTarget.y }}
                  />
                )}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
