import { Link } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { roadmapProgress, ROADMAP, type RoadmapItem } from "../../../shared/boards/roadmap";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";
import { BoardList } from "./BoardList";
import type { Member } from "./cells";
import { PhaseBoard } from "./PhaseBoard";
import { RowDetail, type DetailUser } from "./RowDetail";
import { Timeline } from "./Timeline";
import type { BoardViewProps, RowPresence } from "./types";
import { HistoryButtons } from "./HistoryButtons";
import { useBoard } from "./use-board";
import { useUndoShortcuts } from "./use-undo-shortcuts";
import { useBoardView, useLinkedRow, ViewTabs } from "./ViewTabs";

const VIEWS = [
  { id: "board", label: "Board" },
  { id: "timeline", label: "Timeline" },
  { id: "list", label: "List" },
] as const;

const NOBODY: readonly RowPresence[] = [];

/** The performance mark set once the board is on screen and ready to edit. */
const READY_MARK = "scf:board-ready";

interface Props {
  city: { slug: string; name: string };
  documentId: string;
  user: DetailUser;
  members: readonly Member[];
  /** What the user's role allows; the server's word (an Access message) can only narrow it. */
  mayEdit: boolean;
}

function ProgressBar({
  label,
  done,
  total,
  share,
}: {
  label: string;
  done: number;
  total: number;
  share: number;
}) {
  return (
    <div className="roadmap-progress__item">
      <div className="roadmap-progress__text">
        <span className="roadmap-progress__label">{label}</span>{" "}
        <span className="roadmap-progress__count">
          {done} of {total} done
        </span>
      </div>
      <div className="meter" aria-hidden="true">
        <span className="meter__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

/**
 * The city's live roadmap: one board document shown as a board by phase, a timeline or a list,
 * with progress, the detail panel of the selected item, and everyone's changes as they happen.
 */
export function RoadmapPage({ city, documentId, user, members, mayEdit }: Props) {
  const { session, state } = useCollabSession(documentId, user.id);
  const board = useBoard(session, ROADMAP, user.id);
  const { rows, synced, actions, selectedId, presence, history } = board;
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const { view, choose: chooseView } = useBoardView(VIEWS);
  const [quickWinsOnly, setQuickWinsOnly] = useState(false);
  const [newRowId, setNewRowId] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  useUndoShortcuts(history, canEdit, setMessage);

  const shownRows = useMemo(
    () => (quickWinsOnly ? rows.filter((row) => row.valid.quickWin === true) : rows),
    [rows, quickWinsOnly],
  );
  const progress = useMemo(
    () => roadmapProgress(rows.map((row) => row.valid as Pick<RoadmapItem, "phase" | "status">)),
    [rows],
  );
  const selectedRow = selectedId ? rows.find((row) => row.id === selectedId) : undefined;

  const addItem = () => {
    const id = actions.addRow({});
    setNewRowId(id);
    actions.select(id);
  };

  useLinkedRow(synced, rows, actions);

  const focusHeading = useCallback(() => heading.current?.focus(), []);

  const viewProps: BoardViewProps = {
    spec: ROADMAP,
    rows: shownRows,
    canEdit,
    actions,
    selectedId,
    presence,
  };
  const loading = !session || (!synced && rows.length === 0);
  const empty = synced && rows.length === 0;
  const ready = synced && session !== null;

  // For measuring how soon a board is ready to edit (npm run bench:boards).
  useEffect(() => {
    if (ready) performance.mark(READY_MARK);
  }, [ready]);

  return (
    <div className="roadmap" data-testid="roadmap" data-ready={ready ? "true" : undefined}>
      <div className="roadmap__heading">
        <h1 id="roadmap-heading" tabIndex={-1} ref={heading}>
          Roadmap
        </h1>
        <div className="editor__bar roadmap__status">
          <SaveStatus state={state} />
          {session ? <Presence awareness={session.provider.awareness} /> : null}
        </div>
      </div>
      <p className="roadmap__intro secondary">
        What {city.name} will do, phase by phase: plan, initiate, deliver, consolidate and transform. Quick
        wins come first.
      </p>
      <ul className="roadmap__links" aria-label="Roadmap files">
        <li>
          <a href={`/c/${city.slug}/roadmap/export.csv`} download>
            Export CSV
          </a>
        </li>
        {mayEdit ? (
          <li>
            <Link to={`/c/${city.slug}/roadmap/import`}>Import CSV</Link>
          </li>
        ) : null}
        <li>
          <a href={`/c/${city.slug}/roadmap/print`}>Print</a>
        </li>
        <li>
          <Link to={`/c/${city.slug}/roadmap/sharing`}>Sharing and comparing</Link>
        </li>
      </ul>
      {!mayEdit ? (
        <p className="tag tag--read-only roadmap__read-only" data-testid="read-only-badge">
          Read only: you can see the whole roadmap but not change it
        </p>
      ) : null}

      {loading ? (
        <p className="roadmap__loading" role="status">
          Loading the roadmap…
        </p>
      ) : empty ? (
        <div className="empty-state roadmap__empty">
          <h2 className="roadmap__empty-title">No roadmap items yet</h2>
          {canEdit ? (
            <>
              <p>
                Start with what the programme will do first: add an item for each piece of work, give it a
                phase, an owner and dates, and mark the quick wins. Or import the items from a spreadsheet
                saved as CSV.
              </p>
              <div className="inline-form">
                <button type="button" className="button" onClick={addItem}>
                  Add item
                </button>
                <Link className="button button--secondary" to={`/c/${city.slug}/roadmap/import`}>
                  Import CSV
                </Link>
              </div>
            </>
          ) : (
            <p>When the city&apos;s team adds items, they appear here as they are written.</p>
          )}
        </div>
      ) : (
        <>
          <section className="roadmap-progress" aria-labelledby="roadmap-progress-title">
            <h2 className="visually-hidden" id="roadmap-progress-title">
              Progress
            </h2>
            <div className="roadmap-progress__overall">
              <ProgressBar label="Overall" {...progress.overall} />
            </div>
            <div className="roadmap-progress__phases">
              {progress.phases.map((phase) => (
                <ProgressBar key={phase.phase} {...phase} />
              ))}
            </div>
          </section>

          <div className="roadmap__toolbar">
            <ViewTabs
              views={VIEWS}
              view={view}
              onChoose={chooseView}
              label="Roadmap views"
              panelId="roadmap-view"
            />
            <div className="roadmap__actions">
              <div className="board-checkbox-field roadmap__quick-wins">
                <input
                  type="checkbox"
                  id="quick-wins-only"
                  className="board-checkbox"
                  checked={quickWinsOnly}
                  onChange={(event) => setQuickWinsOnly(event.target.checked)}
                />
                <label htmlFor="quick-wins-only">Quick wins only</label>
              </div>
              {canEdit ? (
                <>
                  <HistoryButtons history={history} change="a roadmap change" />
                  <button type="button" className="button button--small" onClick={addItem}>
                    Add item
                  </button>
                </>
              ) : null}
            </div>
          </div>
          <p className="visually-hidden" role="status">
            {message}
          </p>

          <div
            className="roadmap__view"
            role="tabpanel"
            id="roadmap-view"
            aria-labelledby={`view-tab-${view}`}
          >
            {view === "board" ? (
              <PhaseBoard {...viewProps} />
            ) : view === "timeline" ? (
              <Timeline {...viewProps} />
            ) : (
              <BoardList {...viewProps} rows={shownRows} members={members} />
            )}
          </div>
        </>
      )}

      {session && selectedId ? (
        <RowDetail
          spec={ROADMAP}
          rowId={selectedId}
          row={selectedRow}
          rows={rows}
          session={session}
          user={user}
          canEdit={canEdit}
          members={members}
          actions={actions}
          people={presence.get(selectedId) ?? NOBODY}
          focusTitle={selectedId === newRowId}
          fallbackFocus={focusHeading}
        />
      ) : null}
    </div>
  );
}
