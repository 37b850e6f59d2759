import { useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { BoardSpec } from "../../../shared/boards/fields";
import {
  checkRow,
  deleteRow,
  insertRow,
  moveRow,
  orderedRows,
  readRow,
  rowsOf,
  setCell,
  setEntries,
  keptAsMap,
  type BoardRow,
  type RowMap,
} from "../../../shared/boards/model";
import type { CollabSession } from "../../lib/collab-client";
import type { BoardActions, RowPresence } from "./types";

/** The origin of this user's own edits to a board: the only changes their undo history holds. */
export const LOCAL_ORIGIN = Symbol("this user's board edit");

/** The field a board view groups its columns by, unless the board names another. */
const PHASE_FIELD = "phase";

/**
 * A checked row together with its values as stored, invalid ones included, so that a cell can
 * show what was entered next to the error and an editor can start from it.
 */
export interface LiveRow extends BoardRow {
  values: Record<string, unknown>;
}

/**
 * Reads a board incrementally. Each row's check is cached by its Y.Map and redone only when
 * something inside that map changed; a row whose check, order and position are unchanged keeps
 * its object, so memoised rows and cards skip rendering.
 */
export class BoardReader {
  private readonly cache = new WeakMap<RowMap, LiveRow>();
  private readonly stale = new Set<RowMap>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly spec: BoardSpec,
  ) {}

  /** Marks the rows these changes touched, however deep in the row the change was. */
  invalidate(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const root = rowsOf(this.doc);
    for (const event of events) {
      let type: Y.AbstractType<unknown> | null = event.target;
      while (type && type.parent !== root) type = type.parent;
      if (type) this.stale.add(type as RowMap);
    }
  }

  read(): LiveRow[] {
    const rows = orderedRows(this.doc).map(({ id, order, map }, position): LiveRow => {
      const cached = this.cache.get(map);
      const fresh = cached && !this.stale.has(map);
      if (fresh && cached.order === order && cached.position === position) return cached;
      let row: LiveRow;
      if (fresh) {
        row = { ...cached, order, position };
      } else {
        const values = readRow(this.spec, map);
        row = { id, order, position, ...checkRow(this.spec, values), values };
      }
      this.cache.set(map, row);
      return row;
    });
    this.stale.clear();
    return rows;
  }
}

interface BoardFocus {
  rowId: string;
  field: string | null;
}

interface StampedUser {
  id: string;
  name: string;
  color: string;
}

function isBoardFocus(value: unknown): value is BoardFocus {
  if (typeof value !== "object" || value === null) return false;
  const { rowId, field } = value as Record<string, unknown>;
  return typeof rowId === "string" && (field === null || typeof field === "string");
}

function isStampedUser(value: unknown): value is StampedUser {
  if (typeof value !== "object" || value === null) return false;
  const { id, name, color } = value as Record<string, unknown>;
  return typeof id === "string" && typeof name === "string" && typeof color === "string";
}

function samePeople(a: readonly RowPresence[], b: readonly RowPresence[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (person, index) =>
        person.clientId === b[index]!.clientId &&
        person.field === b[index]!.field &&
        person.name === b[index]!.name &&
        person.color === b[index]!.color,
    )
  );
}

/**
 * Who else is at which row and field, from the awareness states the server stamped with their
 * user. A row whose people did not change keeps its array, so memoised rows skip rendering.
 */
function readPresence(
  awareness: Awareness,
  userId: string,
  previous: ReadonlyMap<string, RowPresence[]>,
): ReadonlyMap<string, RowPresence[]> {
  const byRow = new Map<string, RowPresence[]>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const { board, user } = state as { board?: unknown; user?: unknown };
    // The user's own other tabs are not "someone else".
    if (!isBoardFocus(board) || !isStampedUser(user) || user.id === userId) continue;
    const people = byRow.get(board.rowId) ?? [];
    people.push({ clientId, name: user.name, color: user.color, field: board.field });
    byRow.set(board.rowId, people);
  }
  let changed = byRow.size !== previous.size;
  for (const [rowId, people] of byRow) {
    people.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    const before = previous.get(rowId);
    if (before && samePeople(before, people)) byRow.set(rowId, before);
    else changed = true;
  }
  return changed ? byRow : previous;
}

export interface BoardHistory {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
}

export interface LiveBoard {
  /** Every row, checked, in board order. */
  rows: LiveRow[];
  /** The server's copy of the board has arrived (at least once). */
  synced: boolean;
  actions: BoardActions;
  selectedId: string | null;
  presence: ReadonlyMap<string, RowPresence[]>;
  /** This user's own edits, to undo and redo. */
  history: BoardHistory;
}

const NO_PRESENCE: ReadonlyMap<string, RowPresence[]> = new Map();

/**
 * A live board: its rows, re-read at most once per animation frame after any change; actions
 * that record the change as this user's (undoable) edit; who else is where. `groupField` is the
 * choice field whose columns `moveToPhase` moves rows between.
 */
export function useBoard(
  session: CollabSession | null,
  spec: BoardSpec,
  userId: string,
  groupField: string = PHASE_FIELD,
): LiveBoard {
  const [board, setBoard] = useState<{ rows: LiveRow[]; synced: boolean }>({ rows: [], synced: false });
  const [presence, setPresence] = useState<ReadonlyMap<string, RowPresence[]>>(NO_PRESENCE);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [undoManager, setUndoManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  const selectedRef = useRef<string | null>(null);

  useEffect(() => {
    if (!session) return;
    const { provider } = session;
    const doc = provider.doc;
    const reader = new BoardReader(doc, spec);
    let frame = 0;
    const flush = () => {
      frame = 0;
      const rows = reader.read();
      setBoard((previous) => ({ rows, synced: previous.synced || provider.synced }));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(flush);
    };
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      reader.invalidate(events);
      // The user's own edit shows at once, so a control they changed never flicks back for a frame.
      const own = transaction.origin === LOCAL_ORIGIN || transaction.origin instanceof Y.UndoManager;
      if (!own) return schedule();
      cancelAnimationFrame(frame);
      flush();
    };
    const onSync = (synced: boolean) => {
      if (synced) schedule();
    };
    rowsOf(doc).observeDeep(onChange);
    provider.on("sync", onSync);
    flush();
    return () => {
      cancelAnimationFrame(frame);
      rowsOf(doc).unobserveDeep(onChange);
      provider.off("sync", onSync);
      setBoard({ rows: [], synced: false });
    };
  }, [session, spec]);

  useEffect(() => {
    if (!session) return;
    const manager = new Y.UndoManager(rowsOf(session.provider.doc), {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      // Every edit is its own step: a cell is committed once, not keystroke by keystroke.
      captureTimeout: 0,
    });
    const update = () => setStacks({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    manager.on("stack-item-added", update);
    manager.on("stack-item-popped", update);
    manager.on("stack-cleared", update);
    setUndoManager(manager);
    update();
    return () => {
      manager.destroy();
      setUndoManager(null);
      setStacks({ canUndo: false, canRedo: false });
    };
  }, [session]);

  useEffect(() => {
    if (!session) return;
    const { awareness } = session.provider;
    let current: ReadonlyMap<string, RowPresence[]> = NO_PRESENCE;
    const update = () => {
      const next = readPresence(awareness, userId, current);
      if (next === current) return;
      current = next;
      setPresence(next);
    };
    update();
    awareness.on("change", update);
    return () => {
      awareness.off("change", update);
      setPresence(NO_PRESENCE);
    };
  }, [session, userId]);

  const actions = useMemo<BoardActions>(() => {
    const doc = session?.provider.doc;
    const awareness = session?.provider.awareness;
    const announce = (rowId: string | null, field: string | null) => {
      awareness?.setLocalStateField("board", rowId ? { rowId, field } : null);
    };
    return {
      setCell(rowId, key, value) {
        if (!doc) return;
        const field = spec.fields.find((candidate) => candidate.key === key);
        if (field && keptAsMap(field) && typeof value === "object" && value !== null && !Array.isArray(value))
          setEntries(doc, rowId, key, value as Record<string, unknown>, LOCAL_ORIGIN);
        else setCell(doc, rowId, key, value, LOCAL_ORIGIN);
      },
      moveToPhase(rowId, phase, index) {
        if (!doc) return;
        doc.transact(() => {
          const among = orderedRows(doc).filter(
            (row) => row.id !== rowId && row.map.get(groupField) === phase,
          );
          moveRow(doc, rowId, among, index, LOCAL_ORIGIN);
          if (rowsOf(doc).get(rowId)?.get(groupField) !== phase) {
            setCell(doc, rowId, groupField, phase, LOCAL_ORIGIN);
          }
        }, LOCAL_ORIGIN);
      },
      addRow(values) {
        if (!doc) throw new Error("The board is not open yet");
        return insertRow(doc, spec, { values }, LOCAL_ORIGIN);
      },
      deleteRow(rowId) {
        if (!doc) return;
        deleteRow(doc, spec, rowId, LOCAL_ORIGIN);
        if (selectedRef.current === rowId) {
          selectedRef.current = null;
          setSelectedId(null);
          announce(null, null);
        }
      },
      select(rowId) {
        selectedRef.current = rowId;
        setSelectedId(rowId);
        announce(rowId, null);
      },
      focus(rowId, field = null) {
        // Leaving a field returns this user to the row open in the detail panel, if any.
        if (rowId) announce(rowId, field);
        else announce(selectedRef.current, null);
      },
    };
  }, [session, spec, groupField]);

  const history = useMemo<BoardHistory>(
    () => ({
      ...stacks,
      undo: () => undoManager?.undo(),
      redo: () => undoManager?.redo(),
    }),
    [stacks, undoManager],
  );

  return { rows: board.rows, synced: board.synced, actions, selectedId, presence, history };
}
