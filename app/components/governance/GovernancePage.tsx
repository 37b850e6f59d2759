import { Link, NavLink } from "@remix-run/react";
import { useCallback, useRef, useState } from "react";
import { DECISIONS, GOVERNANCE_BOARDS, LEADERSHIP } from "../../../shared/boards/governance";
import type { BoardSpec } from "../../../shared/boards/fields";
import type { BoardRow } from "../../../shared/boards/model";
import { BoardList } from "../board/BoardList";
import { countOf, formatDate, ownerText, type Member } from "../board/cells";
import { HistoryButtons } from "../board/HistoryButtons";
import { PhaseBoard, type BoardGrouping, type CardContent } from "../board/PhaseBoard";
import { RowDetail, type DetailUser } from "../board/RowDetail";
import type { BoardViewProps, RowPresence } from "../board/types";
import { useBoard } from "../board/use-board";
import { useUndoShortcuts } from "../board/use-undo-shortcuts";
import { useBoardView, useLinkedRow, ViewTabs } from "../board/ViewTabs";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";

export type Register = "leadership" | "decisions";

const BY_BOARD: BoardGrouping = { field: "board", options: GOVERNANCE_BOARDS, noun: "board" };

const text = (row: BoardRow, key: string) => {
  const value = row.valid[key];
  return typeof value === "string" ? value : "";
};

/** A leader's card: whether they are public, their role and organisation. */
const LEADER_CARD: CardContent = {
  flags(row) {
    return row.valid.public === true ? (
      <span className="board-badge board-badge--public">Public</span>
    ) : (
      <span className="board-badge board-badge--private">Not public</span>
    );
  },
  details(row) {
    const role = [text(row, "role"), text(row, "organisation")].filter(Boolean).join(", ");
    return role ? <span className="board-card__detail">{role}</span> : null;
  },
  columnSummary(rows) {
    const shown = rows.filter((row) => row.valid.public === true).length;
    return (
      <p className="phase-column__summary">
        <span>{countOf(rows.length, "leader")}</span>
        <span>{shown} public</span>
      </p>
    );
  },
};

interface RegisterConfig {
  spec: BoardSpec;
  heading: string;
  intro: (city: string) => string;
  views: readonly { id: "board" | "list"; label: string }[];
  columns: readonly string[];
  emptyTitle: string;
  emptyText: string;
  addLabel: string;
  boardName: string;
}

const REGISTERS: Record<Register, RegisterConfig> = {
  leadership: {
    spec: LEADERSHIP,
    heading: "Leadership team",
    intro: (city) =>
      `Who leads ${city}'s programme, what each person answers for and on which board they sit. People marked public appear, with their contact, on the city's public page once a lead publishes it.`,
    views: [
      { id: "board", label: "By board" },
      { id: "list", label: "List" },
    ],
    columns: ["name", "role", "organisation", "board", "responsibility", "contact", "public"],
    emptyTitle: "No one on the leadership team yet",
    emptyText:
      "Add the people who lead the programme: the accountable executive, the members of the strategic and delivery boards, and partners who share the work.",
    addLabel: "Add leader",
    boardName: "Leadership team",
  },
  decisions: {
    spec: DECISIONS,
    heading: "Decisions log",
    intro: (city) =>
      `What ${city}'s boards decided, when, why and who carries each decision out, with a link to the minutes or papers.`,
    views: [{ id: "list", label: "List" }],
    columns: ["date", "decision", "madeBy", "owner", "link"],
    emptyTitle: "No decisions logged yet",
    emptyText:
      "Record each decision of the strategic and delivery boards as it is made, with the reasons for it.",
    addLabel: "Log decision",
    boardName: "Decisions log",
  },
};

const NOBODY: readonly RowPresence[] = [];

/** What the detail panel shows above a decision's fields. */
function decisionSummary(row: BoardRow) {
  const date = formatDate(row.valid.date);
  const owner = ownerText(row.valid.owner);
  if (!date && !owner) return null;
  return (
    <p className="secondary">
      {[date && `Decided on ${date}`, owner && `owned by ${owner}`].filter(Boolean).join(", ")}
    </p>
  );
}

interface Props {
  register: Register;
  city: { slug: string; name: string };
  documentId: string;
  user: DetailUser;
  members: readonly Member[];
  /** What the user's role allows; the server's word (an Access message) can only narrow it. */
  mayEdit: boolean;
  mayPublish: boolean;
}

/**
 * One of the city's governance registers, co-edited live: the leadership team by board or as a
 * list, or the decisions log as a list, each with the detail panel of the selected row.
 */
export function GovernancePage({ register, city, documentId, user, members, mayEdit, mayPublish }: Props) {
  const config = REGISTERS[register];
  const { spec } = config;
  const { session, state } = useCollabSession(documentId, user.id);
  const board = useBoard(session, spec, user.id, register === "leadership" ? "board" : "madeBy");
  const { rows, synced, actions, selectedId, presence, history } = board;
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const { view, choose: chooseView } = useBoardView(config.views);
  const [newRowId, setNewRowId] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  useUndoShortcuts(history, canEdit, setMessage);
  useLinkedRow(synced, rows, actions);
  const focusHeading = useCallback(() => heading.current?.focus(), []);

  const addRow = () => {
    const id = actions.addRow(
      register === "decisions" ? { date: new Date().toISOString().slice(0, 10) } : {},
    );
    setNewRowId(id);
    actions.select(id);
  };

  const viewProps: BoardViewProps = { spec, rows, canEdit, actions, selectedId, presence };
  const loading = !session || (!synced && rows.length === 0);
  const empty = synced && rows.length === 0;
  const ready = synced && session !== null;
  const selectedRow = selectedId ? rows.find((row) => row.id === selectedId) : undefined;

  return (
    <div className="roadmap governance" data-testid={register} data-ready={ready ? "true" : undefined}>
      <nav className="governance__tabs" aria-label="Governance registers">
        <ul>
          <li>
            <NavLink to={`/c/${city.slug}/governance`} end>
              Leadership team
            </NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/governance/decisions`}>Decisions log</NavLink>
          </li>
        </ul>
      </nav>
      <div className="roadmap__heading">
        <h1 id={`${register}-heading`} tabIndex={-1} ref={heading}>
          {config.heading}
        </h1>
        <div className="editor__bar roadmap__status">
          <SaveStatus state={state} />
          {session ? <Presence awareness={session.provider.awareness} /> : null}
        </div>
      </div>
      <p className="roadmap__intro secondary">{config.intro(city.name)}</p>
      <ul className="roadmap__links" aria-label="Publishing">
        {mayPublish ? (
          <li>
            <Link to={`/c/${city.slug}/governance/publish`}>Publish the public page</Link>
          </li>
        ) : null}
        <li>
          <a href={`/p/${city.slug}`}>Public page</a>
        </li>
      </ul>
      {!mayEdit ? (
        <p className="tag tag--read-only roadmap__read-only" data-testid="read-only-badge">
          Read only: you can see the whole register but not change it
        </p>
      ) : null}

      {loading ? (
        <p className="roadmap__loading" role="status">
          Loading…
        </p>
      ) : empty ? (
        <div className="empty-state roadmap__empty">
          <h2 className="roadmap__empty-title">{config.emptyTitle}</h2>
          {canEdit ? (
            <>
              <p>{config.emptyText}</p>
              <div className="inline-form">
                <button type="button" className="button" onClick={addRow}>
                  {config.addLabel}
                </button>
              </div>
            </>
          ) : (
            <p>When the city&apos;s team adds entries, they appear here as they are written.</p>
          )}
        </div>
      ) : (
        <>
          <div className="roadmap__toolbar">
            {config.views.length > 1 ? (
              <ViewTabs
                views={config.views}
                view={view}
                onChoose={chooseView}
                label={`${config.heading} views`}
                panelId={`${register}-view`}
              />
            ) : (
              <span />
            )}
            <div className="roadmap__actions">
              {canEdit ? (
                <>
                  <HistoryButtons
                    history={history}
                    change={`a change to the ${config.heading.toLowerCase()}`}
                  />
                  <button type="button" className="button button--small" onClick={addRow}>
                    {config.addLabel}
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
            role={config.views.length > 1 ? "tabpanel" : undefined}
            id={`${register}-view`}
            aria-labelledby={config.views.length > 1 ? `view-tab-${view}` : undefined}
          >
            {view === "board" && register === "leadership" ? (
              <PhaseBoard {...viewProps} grouping={BY_BOARD} content={LEADER_CARD} />
            ) : (
              <BoardList
                {...viewProps}
                rows={rows}
                members={members}
                columns={config.columns}
                choiceFilters={register === "leadership" ? ["board"] : ["madeBy"]}
                boardName={config.boardName}
              />
            )}
          </div>
        </>
      )}

      {session && selectedId ? (
        <RowDetail
          spec={spec}
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
          boardName={config.boardName}
          summary={register === "decisions" ? decisionSummary : undefined}
        />
      ) : null}
    </div>
  );
}
