import type { BoardHistory } from "./use-board";

/** Undo and Redo of the user's own changes to a board, with the keys that do the same. */
export function HistoryButtons({ history, change }: { history: BoardHistory; change: string }) {
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={history.undo}
        disabled={!history.canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        Undo<span className="visually-hidden"> {change}</span>
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={history.redo}
        disabled={!history.canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        Redo<span className="visually-hidden"> {change}</span>
      </button>
    </>
  );
}
