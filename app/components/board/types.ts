import type { BoardSpec } from "../../../shared/boards/fields";
import type { BoardRow } from "../../../shared/boards/model";

/** Someone else at a row, and the field they are editing if any. */
export interface RowPresence {
  clientId: number;
  name: string;
  color: string;
  field: string | null;
}

/** What a view may do to the board; every change is the user's own, for their undo history. */
export interface BoardActions {
  setCell(rowId: string, key: string, value: unknown): void;
  /**
   * Moves a row to `index` among the rows of `phase` (in board order, not counting the row
   * itself), changing its phase if it differs.
   */
  moveToPhase(rowId: string, phase: string, index: number): void;
  /** Adds a row with these values at the end of the board, or of its phase; returns its id. */
  addRow(values: Record<string, unknown>): string;
  deleteRow(rowId: string): void;
  /** Opens a row in the detail panel (null closes it). */
  select(rowId: string | null): void;
  /** Tells the others which row and field this user is at (null: none). */
  focus(rowId: string | null, field?: string | null): void;
}

/** What every view of a board receives. */
export interface BoardViewProps {
  spec: BoardSpec;
  /** Every row, checked, in board order. */
  rows: BoardRow[];
  canEdit: boolean;
  actions: BoardActions;
  selectedId: string | null;
  /** Row id → the other people there. */
  presence: ReadonlyMap<string, RowPresence[]>;
}
