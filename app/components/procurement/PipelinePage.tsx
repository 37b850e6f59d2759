import { Link } from "@remix-run/react";
import { useCallback, useMemo, useRef, useState } from "react";
import { CATEGORIES, PIPELINE, STAGES } from "../../../shared/boards/pipeline";
import { BoardList } from "../board/BoardList";
import type { LinkChoices, Member } from "../board/cells";
import { countOf } from "../board/cells";
import { PhaseBoard, type BoardGrouping } from "../board/PhaseBoard";
import { RowDetail, type DetailUser } from "../board/RowDetail";
import type { BoardViewProps, RowPresence } from "../board/types";
import { HistoryButtons } from "../board/HistoryButtons";
import { useBoardView, useLinkedRow, ViewTabs } from "../board/ViewTabs";
import { useBoard, type LiveRow } from "../board/use-board";
import { useUndoShortcuts } from "../board/use-undo-shortcuts";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";
import { evidenceHref } from "../framework/TrackerRow";
import { CHECK_COLUMN, CheckSummaryPanel, checkOf, OPPORTUNITY_CARD, totalValue } from "./check";

const VIEWS = [
  { id: "board", label: "Board" },
  { id: "list", label: "List" },
] as const;

const BY_STAGE: BoardGrouping = { field: "stage", options: STAGES, noun: "stage" };

/** The list's columns: what tells opportunities apart at a glance; the rest is in the detail panel. */
const LIST_COLUMNS = ["title", "stage", "category", "value", "method", "tenderDate", "contractStart"];
const LIST_COMPUTED = [CHECK_COLUMN];
const LIST_FILTERS = ["method"];

const NOBODY: readonly RowPresence[] = [];

interface Filters {
  stage: string;
  category: string;
  lockInOnly: boolean;
}

const NO_FILTERS: Filters = { stage: "", category: "", lockInOnly: false };

function matches(row: LiveRow, filters: Filters): boolean {
  if (filters.stage && row.valid.stage !== filters.stage) return false;
  if (filters.category && row.valid.category !== filters.category) return false;
  if (filters.lockInOnly && checkOf(row).lockIn.length === 0) return false;
  return true;
}

const renderSummary = (row: LiveRow) => <CheckSummaryPanel row={row} />;

interface Props {
  city: { slug: string; name: string };
  documentId: string;
  user: DetailUser;
  members: readonly Member[];
  /** The city's roadmap items, which an opportunity may link to. */
  roadmapItems: readonly { id: string; title: string }[];
  /** What the user's role allows; the server's word (an Access message) can only narrow it. */
  mayEdit: boolean;
  /** Leads publish opportunities and answer suppliers. */
  mayPublish: boolean;
}

/**
 * The city's live procurement pipeline: one board document shown by stage or as a list, each
 * opportunity with its smart-procurement score and any risk of lock-in, the detail panel of the
 * selected one, and everyone's changes as they happen.
 */
export function PipelinePage({ city, documentId, user, members, roadmapItems, mayEdit, mayPublish }: Props) {
  const { session, state } = useCollabSession(documentId, user.id);
  const board = useBoard(session, PIPELINE, user.id, BY_STAGE.field);
  const { rows, synced, actions, selectedId, presence, history } = board;
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const { view, choose: chooseView } = useBoardView(VIEWS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [newRowId, setNewRowId] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  useUndoShortcuts(history, canEdit, setMessage);

  const shownRows = useMemo(() => rows.filter((row) => matches(row, filters)), [rows, filters]);
  const filtering = Boolean(filters.stage || filters.category || filters.lockInOnly);
  const selectedRow = selectedId ? rows.find((row) => row.id === selectedId) : undefined;
  const links = useMemo<LinkChoices>(
    () => ({ roadmapItems, href: (link) => evidenceHref(city.slug, link) }),
    [roadmapItems, city.slug],
  );
  const totals = useMemo(() => {
    const checks = rows.map(checkOf);
    const answered = checks.filter((check) => check.answered > 0);
    return {
      value: totalValue(rows),
      lockIn: checks.filter((check) => check.lockIn.length > 0).length,
      averageScore: answered.length
        ? Math.round(answered.reduce((sum, check) => sum + check.score, 0) / answered.length)
        : null,
    };
  }, [rows]);

  const addOpportunity = () => {
    const id = actions.addRow(filters.stage ? { stage: filters.stage } : {});
    setNewRowId(id);
    actions.select(id);
  };

  useLinkedRow(synced, rows, actions);

  const focusHeading = useCallback(() => heading.current?.focus(), []);

  const viewProps: BoardViewProps = {
    spec: PIPELINE,
    rows: shownRows,
    canEdit,
    actions,
    selectedId,
    presence,
  };
  const loading = !session || (!synced && rows.length === 0);
  const empty = synced && rows.length === 0;
  const ready = synced && session !== null;

  return (
    <div className="roadmap pipeline" data-testid="pipeline" data-ready={ready ? "true" : undefined}>
      <div className="roadmap__heading">
        <h1 id="pipeline-heading" tabIndex={-1} ref={heading}>
          Procurement pipeline
        </h1>
        <div className="editor__bar roadmap__status">
          <SaveStatus state={state} />
          {session ? <Presence awareness={session.provider.awareness} /> : null}
        </div>
      </div>
      <p className="roadmap__intro secondary">
        What {city.name} plans to buy, from first idea to closed contract: the outcome each purchase must
        achieve, what it is worth, when it goes to market, and how well it is set up to avoid being tied to
        one supplier.
      </p>
      <ul className="roadmap__links" aria-label="Publishing and suppliers">
        {mayPublish ? (
          <>
            <li>
              <Link to={`/c/${city.slug}/procurement/publish`}>Publish opportunities</Link>
            </li>
            <li>
              <Link to={`/c/${city.slug}/procurement/interests`}>Interest from suppliers</Link>
            </li>
            <li>
              <Link
                to={`/c/${city.slug}/procurement/joint${selectedId ? `?row=${encodeURIComponent(selectedId)}` : ""}`}
              >
                Propose a joint procurement
              </Link>
            </li>
          </>
        ) : null}
        <li>
          <a href={`/p/${city.slug}/pipeline`}>Public pipeline</a>
        </li>
        <li>
          <Link to="/pipelines">All cities&apos; pipelines</Link>
        </li>
      </ul>
      {!mayEdit ? (
        <p className="tag tag--read-only roadmap__read-only" data-testid="read-only-badge">
          Read only: you can see the whole pipeline but not change it
        </p>
      ) : null}

      {loading ? (
        <p className="roadmap__loading" role="status">
          Loading the pipeline…
        </p>
      ) : empty ? (
        <div className="empty-state roadmap__empty">
          <h2 className="roadmap__empty-title">No opportunities yet</h2>
          {canEdit ? (
            <>
              <p>
                Add each purchase the programme expects to make, even at the idea stage: the outcome it must
                achieve rather than the product, a rough value and when it might go to market. Answer the
                smart-procurement check as the plans firm up.
              </p>
              <div className="inline-form">
                <button type="button" className="button" onClick={addOpportunity}>
                  Add opportunity
                </button>
              </div>
            </>
          ) : (
            <p>When the city&apos;s team adds opportunities, they appear here as they are written.</p>
          )}
        </div>
      ) : (
        <>
          <dl className="pipeline-totals" aria-label="Pipeline at a glance">
            <div className="pipeline-totals__item">
              <dt>Opportunities</dt>
              <dd>{rows.length}</dd>
            </div>
            <div className="pipeline-totals__item">
              <dt>Estimated value</dt>
              <dd>{totals.value || "None given"}</dd>
            </div>
            <div className="pipeline-totals__item">
              <dt>Average smart check</dt>
              <dd>{totals.averageScore === null ? "Not started" : `${totals.averageScore}%`}</dd>
            </div>
            <div
              className={`pipeline-totals__item${totals.lockIn > 0 ? " pipeline-totals__item--warning" : ""}`}
            >
              <dt>Risk of lock-in</dt>
              <dd data-testid="lock-in-count">{countOf(totals.lockIn, "opportunity")}</dd>
            </div>
          </dl>

          <div className="roadmap__toolbar">
            <ViewTabs
              views={VIEWS}
              view={view}
              onChoose={chooseView}
              label="Pipeline views"
              panelId="pipeline-view"
            />
            <div className="roadmap__actions">
              {canEdit ? (
                <>
                  <HistoryButtons history={history} change="a pipeline change" />
                  <button type="button" className="button button--small" onClick={addOpportunity}>
                    Add opportunity
                  </button>
                </>
              ) : null}
            </div>
          </div>

          <div className="board-filters pipeline-filters" role="group" aria-label="Filter the pipeline">
            <div className="board-filters__filter">
              <label className="board-filters__label" htmlFor="pipeline-filter-stage">
                Stage
              </label>
              <select
                id="pipeline-filter-stage"
                className="select board-input"
                value={filters.stage}
                onChange={(event) => setFilters((current) => ({ ...current, stage: event.target.value }))}
              >
                <option value="">Any</option>
                {STAGES.map((stage) => (
                  <option key={stage.value} value={stage.value}>
                    {stage.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="board-filters__filter">
              <label className="board-filters__label" htmlFor="pipeline-filter-category">
                Category
              </label>
              <select
                id="pipeline-filter-category"
                className="select board-input"
                value={filters.category}
                onChange={(event) => setFilters((current) => ({ ...current, category: event.target.value }))}
              >
                <option value="">Any</option>
                {CATEGORIES.map((category) => (
                  <option key={category.value} value={category.value}>
                    {category.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="board-checkbox-field pipeline-filters__lock-in">
              <input
                type="checkbox"
                id="pipeline-filter-lock-in"
                className="board-checkbox"
                checked={filters.lockInOnly}
                onChange={(event) =>
                  setFilters((current) => ({ ...current, lockInOnly: event.target.checked }))
                }
              />
              <label htmlFor="pipeline-filter-lock-in">Lock-in risk only</label>
            </div>
            {filtering ? (
              <button
                type="button"
                className="button button--secondary button--small board-filters__clear"
                onClick={() => setFilters(NO_FILTERS)}
              >
                Show every opportunity
              </button>
            ) : null}
          </div>
          <p className="visually-hidden" role="status">
            {message}
          </p>
          {filtering ? (
            <p className="pipeline__shown" role="status">
              Showing {shownRows.length} of {countOf(rows.length, "opportunity")}
            </p>
          ) : null}

          <div
            className="roadmap__view"
            role="tabpanel"
            id="pipeline-view"
            aria-labelledby={`view-tab-${view}`}
          >
            {filtering && shownRows.length === 0 ? (
              <p className="empty-state">No opportunities match these filters.</p>
            ) : view === "board" ? (
              <PhaseBoard {...viewProps} grouping={BY_STAGE} content={OPPORTUNITY_CARD} />
            ) : (
              <BoardList
                {...viewProps}
                rows={shownRows}
                members={members}
                columns={LIST_COLUMNS}
                computed={LIST_COMPUTED}
                choiceFilters={LIST_FILTERS}
                boardName="Pipeline"
              />
            )}
          </div>
        </>
      )}

      {session && selectedId ? (
        <RowDetail
          spec={PIPELINE}
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
          boardName="Pipeline"
          links={links}
          summary={renderSummary}
        />
      ) : null}
    </div>
  );
}
