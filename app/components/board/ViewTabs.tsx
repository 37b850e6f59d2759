import { useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { BoardActions } from "./types";

export interface BoardView<V extends string> {
  id: V;
  label: string;
}

/**
 * The board view named in the address (`?view=`), the first one when none is named. A choice shows
 * at once; the address follows when the navigation that records it is done.
 */
export function useBoardView<V extends string>(views: readonly BoardView<V>[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const fallback = views[0]!.id;
  const inAddress = views.find((view) => view.id === searchParams.get("view"))?.id ?? fallback;
  const [view, setView] = useState<V>(inAddress);
  useEffect(() => setView(inAddress), [inAddress]);

  const choose = (next: V) => {
    setView(next);
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next === fallback) params.delete("view");
        else params.set("view", next);
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return { view, choose };
}

/**
 * Opens the row a link names (`?item=<id>`, as the framework tracker's evidence links do) once the
 * board has loaded it.
 */
export function useLinkedRow(
  synced: boolean,
  rows: readonly { id: string }[],
  actions: Pick<BoardActions, "select">,
): void {
  const [searchParams] = useSearchParams();
  const linked = searchParams.get("item");
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!synced || !linked || opened.current === linked) return;
    if (!rows.some((row) => row.id === linked)) return;
    opened.current = linked;
    actions.select(linked);
  }, [synced, linked, rows, actions]);
}

/** The tabs that switch a board's views: arrow keys, Home and End move between them and show the view at once. */
export function ViewTabs<V extends string>({
  views,
  view,
  onChoose,
  label,
  panelId,
}: {
  views: readonly BoardView<V>[];
  view: V;
  onChoose(view: V): void;
  label: string;
  panelId: string;
}) {
  const tabs = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = views.findIndex((candidate) => candidate.id === view);
    const target =
      event.key === "ArrowRight"
        ? (index + 1) % views.length
        : event.key === "ArrowLeft"
          ? (index - 1 + views.length) % views.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? views.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    onChoose(views[target]!.id);
    tabs.current?.querySelector<HTMLElement>(`#view-tab-${views[target]!.id}`)?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label={label} ref={tabs} onKeyDown={onKeyDown}>
      {views.map((candidate) => (
        <button
          key={candidate.id}
          type="button"
          role="tab"
          id={`view-tab-${candidate.id}`}
          className="view-tabs__tab"
          aria-selected={candidate.id === view}
          aria-controls={panelId}
          tabIndex={candidate.id === view ? 0 : -1}
          onClick={() => onChoose(candidate.id)}
        >
          {candidate.label}
        </button>
      ))}
    </div>
  );
}
