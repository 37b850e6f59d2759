import { memo, useEffect, useId, useMemo, useRef, useState } from "react";
import type { Checkpoint } from "../../../shared/boards/fields";
import type { BoardRow } from "../../../shared/boards/model";
import { PHASES, STATUSES } from "../../../shared/boards/roadmap";
import {
  axisTicks,
  barSpan,
  createScale,
  dayAt,
  dayOf,
  daysToShow,
  dependencyLinks,
  formatDateRange,
  formatDay,
  isoOfDay,
  layoutLanes,
  rowsInBand,
  scaleBetween,
  todayDay,
  xOf,
  type TimeScale,
  type TimelineEntry,
  type Zoom,
} from "./timeline-scale";
import type { BoardViewProps } from "./types";

const STATUS_LABELS = new Map<string, string>(STATUSES.map((status) => [status.value, status.label]));

const ZOOMS: { value: Zoom; label: string }[] = [
  { value: "month", label: "Months" },
  { value: "quarter", label: "Quarters" },
];

/**
 * Each row's timeline entry, kept while the row's checked values are the same object, so lanes
 * whose item did not change skip rendering (a row moved in board order keeps its values).
 */
const entryCache = new WeakMap<BoardRow["valid"], TimelineEntry>();

function entryOf(row: BoardRow): TimelineEntry {
  const cached = entryCache.get(row.valid);
  if (cached && cached.id === row.id) return cached;
  const { title, phase, status, start, end, checkpoints, dependsOn } = row.valid;
  const entry: TimelineEntry = {
    id: row.id,
    title: typeof title === "string" && title ? title : "Untitled item",
    phase: typeof phase === "string" ? phase : null,
    status: typeof status === "string" ? status : null,
    quickWin: row.valid.quickWin === true,
    milestone: row.valid.milestone === true,
    start: typeof start === "string" ? dayOf(start) : null,
    end: typeof end === "string" ? dayOf(end) : null,
    checkpoints: Array.isArray(checkpoints)
      ? (checkpoints as Checkpoint[]).map((checkpoint) => ({
          day: dayOf(checkpoint.date),
          label: checkpoint.label,
        }))
      : [],
    dependsOn: Array.isArray(dependsOn) ? (dependsOn as string[]) : [],
  };
  entryCache.set(row.valid, entry);
  return entry;
}

function datesOf(entry: TimelineEntry): string {
  return formatDateRange(
    entry.start === null ? null : isoOfDay(entry.start),
    entry.end === null ? null : isoOfDay(entry.end),
  );
}

/** The width of the chart that the sticky labels leave in view. */
function visibleChart(container: HTMLElement): number {
  const corner = container.querySelector<HTMLElement>(".timeline__corner");
  return container.clientWidth - (corner?.offsetWidth ?? 0);
}

/** Lanes are drawn this far beyond the window, and the drawn band moves in steps of this size, in pixels. */
const OVERSCAN = 600;
const BAND_STEP = 400;

/** Before the browser has measured the window: enough lanes for a tall screen. */
const FIRST_BAND = { top: 0, bottom: 1600 };

interface LaneProps {
  entry: TimelineEntry;
  /** Top of the lane. */
  y: number;
  scale: TimeScale;
  selected: boolean;
  onSelect: (rowId: string) => void;
}

/** One item's row: its label (a button) on the left, its bar, milestone and checkpoints on the right. */
const Lane = memo(function Lane({ entry, y, scale, selected, onSelect }: LaneProps) {
  const start = entry.start!;
  const end = entry.end!;
  const bar = barSpan(scale, start, end);
  const status = entry.status ?? "none";
  const statusLabel = entry.status ? (STATUS_LABELS.get(entry.status) ?? entry.status) : "No status";
  const dates = datesOf(entry);
  const extras = [
    entry.quickWin && "Quick win",
    entry.milestone && "Milestone",
    entry.checkpoints.length === 1 && "1 checkpoint",
    entry.checkpoints.length > 1 && `${entry.checkpoints.length} checkpoints`,
  ].filter(Boolean);

  return (
    <div
      className={selected ? "timeline__lane timeline__lane--selected" : "timeline__lane"}
      style={{ top: y }}
    >
      <div className="timeline__label-cell">
        <button
          type="button"
          className="timeline__label"
          aria-current={selected ? "true" : undefined}
          onClick={() => onSelect(entry.id)}
        >
          <span className="timeline__title">{entry.title}</span>
          <span className="timeline__meta">
            {[statusLabel, ...extras].join(" · ")}
            <span className="visually-hidden">, {dates}</span>
          </span>
        </button>
      </div>
      <div className="timeline__track">
        <div
          className={`timeline__bar status-fill--${status}${entry.quickWin ? " timeline__bar--quick-win" : ""}`}
          data-testid={`bar-${entry.id}`}
          title={`${entry.title}: ${dates} (${statusLabel})`}
          style={{ left: bar.x, width: bar.width }}
          onClick={() => onSelect(entry.id)}
        />
        {entry.checkpoints.map((checkpoint, index) => (
          <span
            key={index}
            className="timeline__checkpoint"
            title={`Health check, ${formatDay(checkpoint.day)}: ${checkpoint.label}`}
            style={{ left: xOf(scale, checkpoint.day) + scale.pixelsPerDay / 2 }}
          />
        ))}
        {entry.milestone && (
          <span
            className="timeline__milestone"
            title={`Milestone: ${entry.title}, ${formatDay(end)}`}
            style={{ left: bar.x + bar.width }}
          />
        )}
      </div>
    </div>
  );
});

/**
 * The roadmap on a time axis: a lane per dated item grouped by phase, bars coloured by status,
 * milestones, health-check checkpoints, dependency arrows and a line for today. Items without both
 * dates are listed below it.
 */
export function Timeline({ rows, canEdit, actions, selectedId }: BoardViewProps) {
  const [zoom, setZoom] = useState<Zoom>("month");
  // Today is read in the browser after it takes over the page, so server and browser render alike.
  const [today, setToday] = useState<number | null>(null);
  useEffect(() => setToday(todayDay()), []);

  const layout = useMemo(() => layoutLanes(rows.map(entryOf), PHASES), [rows]);
  const range = useMemo(() => createScale(daysToShow(layout, today), zoom), [layout, today, zoom]);
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  // The same scale object while the range holds, so an edit re-renders only the lanes it touches.
  const scale = useMemo(
    () => (from === null || to === null ? null : scaleBetween(from, to, zoom)),
    [from, to, zoom],
  );
  const ticks = useMemo(() => (scale ? axisTicks(scale) : []), [scale]);
  const links = useMemo(() => (scale ? dependencyLinks(layout, scale) : []), [layout, scale]);
  const conflicts = links.filter((link) => link.conflict);

  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [band, setBand] = useState(FIRST_BAND);
  const shown = useMemo(() => rowsInBand(layout, band.top, band.bottom), [layout, band]);
  const hasChart = scale !== null;
  const markerId = `timeline-arrow-${useId().replace(/:/g, "")}`;
  const select = useRef(actions.select);
  select.current = actions.select;
  const onSelect = useMemo(() => (rowId: string) => select.current(rowId), []);

  // Only the lanes near the window are drawn; the band follows the page as it scrolls.
  useEffect(() => {
    if (!hasChart) return;
    const follow = () => {
      const element = body.current;
      if (!element) return;
      const above = -element.getBoundingClientRect().top;
      const top = Math.max(0, Math.floor((above - OVERSCAN) / BAND_STEP) * BAND_STEP);
      // While the lanes are still below the window, the first of them are ready for when they come in.
      const bottom = Math.max(
        top + FIRST_BAND.bottom,
        Math.ceil((above + window.innerHeight + OVERSCAN) / BAND_STEP) * BAND_STEP,
      );
      setBand((current) => (current.top === top && current.bottom === bottom ? current : { top, bottom }));
    };
    follow();
    window.addEventListener("scroll", follow, { passive: true, capture: true });
    window.addEventListener("resize", follow);
    return () => {
      window.removeEventListener("scroll", follow, { capture: true });
      window.removeEventListener("resize", follow);
    };
  }, [hasChart]);

  // On first render with a date for today, bring today into view, a third of the way across.
  const shownToday = useRef(false);
  useEffect(() => {
    const container = scroller.current;
    if (shownToday.current || today === null || !scale || !container) return;
    shownToday.current = true;
    container.scrollLeft = Math.max(0, xOf(scale, today) - visibleChart(container) / 3);
  }, [today, scale]);

  // Changing the zoom keeps the day in the middle of the view where it was.
  const keepCentre = useRef<number | null>(null);
  const changeZoom = (next: Zoom) => {
    const container = scroller.current;
    if (container && scale)
      keepCentre.current = dayAt(scale, container.scrollLeft + visibleChart(container) / 2);
    setZoom(next);
  };
  useEffect(() => {
    const container = scroller.current;
    const centre = keepCentre.current;
    if (centre === null || !container || !scale) return;
    keepCentre.current = null;
    container.scrollLeft = Math.max(0, xOf(scale, centre) - visibleChart(container) / 2);
  }, [scale]);

  return (
    <div className="timeline">
      <div className="timeline__toolbar">
        <div className="timeline__zoom" role="group" aria-label="Zoom">
          {ZOOMS.map((option) => (
            <button
              key={option.value}
              type="button"
              className="timeline__zoom-button"
              aria-pressed={zoom === option.value}
              onClick={() => changeZoom(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <ul className="timeline__legend" aria-label="Key">
          {STATUSES.map((status) => (
            <li key={status.value}>
              <span className={`timeline__swatch status-fill--${status.value}`} aria-hidden="true" />
              {status.label}
            </li>
          ))}
          <li>
            <span className="timeline__key-quick-win" aria-hidden="true" />
            Quick win
          </li>
          <li>
            <span className="timeline__key-milestone" aria-hidden="true" />
            Milestone
          </li>
          <li>
            <span className="timeline__key-checkpoint" aria-hidden="true" />
            Health check
          </li>
          <li>
            <span className="timeline__key-arrow" aria-hidden="true" />
            Depends on
          </li>
          <li>
            <span className="timeline__key-arrow timeline__key-arrow--conflict" aria-hidden="true" />
            Out of order
          </li>
        </ul>
      </div>

      {scale === null ? (
        <p className="empty-state">
          No item has both a start and an end date yet, so there is nothing to draw.
        </p>
      ) : (
        <div
          className="timeline__scroll"
          ref={scroller}
          role="region"
          aria-label="Timeline"
          tabIndex={0}
          data-testid="timeline"
        >
          <div
            className="timeline__canvas"
            style={{ width: `calc(var(--timeline-label-width) + ${scale.width}px)` }}
          >
            <div className="timeline__axis">
              <div className="timeline__corner">Item</div>
              <div className="timeline__ticks" style={{ width: scale.width }}>
                {ticks.map((tick) => (
                  <span
                    key={tick.day}
                    className={tick.yearStart ? "timeline__tick timeline__tick--year" : "timeline__tick"}
                    style={{ left: tick.x, width: tick.width }}
                  >
                    {tick.label}
                  </span>
                ))}
                {today !== null && (
                  <span
                    className="timeline__today-label"
                    style={{ left: xOf(scale, today) + scale.pixelsPerDay / 2 }}
                  >
                    Today
                  </span>
                )}
              </div>
            </div>
            <div className="timeline__body" ref={body} style={{ height: layout.height }}>
              <div className="timeline__grid" aria-hidden="true" style={{ width: scale.width }}>
                {ticks.map((tick) => (
                  <span
                    key={tick.day}
                    className={
                      tick.yearStart ? "timeline__gridline timeline__gridline--year" : "timeline__gridline"
                    }
                    style={{ left: tick.x }}
                  />
                ))}
              </div>
              {shown.groups.map((group) => (
                <div key={group.phase ?? "none"} className="timeline__group-row" style={{ top: group.y }}>
                  <h2 className="timeline__group-heading">
                    {group.label}
                    <span className="timeline__group-count">
                      {group.lanes.length === 1 ? "1 item" : `${group.lanes.length} items`}
                    </span>
                  </h2>
                </div>
              ))}
              {shown.lanes.map((lane) => (
                <Lane
                  key={lane.entry.id}
                  entry={lane.entry}
                  y={lane.y}
                  scale={scale}
                  selected={lane.entry.id === selectedId}
                  onSelect={onSelect}
                />
              ))}
              <div className="timeline__overlay" style={{ width: scale.width }}>
                <svg
                  className="timeline__arrows"
                  width={scale.width}
                  height={layout.height}
                  aria-hidden="true"
                >
                  <defs>
                    <marker
                      id={markerId}
                      viewBox="0 0 8 8"
                      refX="8"
                      refY="4"
                      markerWidth="7"
                      markerHeight="7"
                      orient="auto"
                    >
                      <path d="M0 0L8 4L0 8z" className="timeline__arrowhead" />
                    </marker>
                    <marker
                      id={`${markerId}-conflict`}
                      viewBox="0 0 8 8"
                      refX="8"
                      refY="4"
                      markerWidth="7"
                      markerHeight="7"
                      orient="auto"
                    >
                      <path d="M0 0L8 4L0 8z" className="timeline__arrowhead timeline__arrowhead--conflict" />
                    </marker>
                  </defs>
                  {links.map((link) => (
                    <path
                      key={`${link.from.entry.id}>${link.to.entry.id}`}
                      d={link.path}
                      className={
                        link.conflict ? "timeline__arrow timeline__arrow--conflict" : "timeline__arrow"
                      }
                      markerEnd={`url(#${link.conflict ? `${markerId}-conflict` : markerId})`}
                    >
                      {link.conflict && <title>{conflictText(link.from.entry, link.to.entry)}</title>}
                    </path>
                  ))}
                </svg>
                {today !== null && (
                  <span
                    className="timeline__today"
                    data-testid="timeline-today"
                    title={`Today, ${formatDay(today)}`}
                    style={{ left: xOf(scale, today) + scale.pixelsPerDay / 2 }}
                  />
                )}
              </div>
            </div>
          </div>
        </div>
      )}

      {conflicts.length > 0 && (
        <details className="timeline__warnings">
          <summary>
            {conflicts.length === 1
              ? "1 dependency is out of order"
              : `${conflicts.length} dependencies are out of order`}
          </summary>
          <ul>
            {conflicts.map((link) => (
              <li key={`${link.from.entry.id}>${link.to.entry.id}`}>
                {conflictText(link.from.entry, link.to.entry)}
              </li>
            ))}
          </ul>
        </details>
      )}

      {layout.undated.length > 0 && (
        <section className="timeline__undated" aria-labelledby="timeline-undated">
          <h2 id="timeline-undated">Undated</h2>
          <p className="secondary">
            These items need both a start and an end date to appear on the timeline.
            {canEdit ? " Open one to add its dates." : ""}
          </p>
          <ul className="timeline__undated-list">
            {layout.undated.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={entry.id === selectedId ? "true" : undefined}
                  onClick={() => onSelect(entry.id)}
                >
                  {entry.title}
                </button>{" "}
                <span className="secondary">{datesOf(entry) || "No dates yet"}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Why an arrow is drawn as a warning, in words. */
function conflictText(prerequisite: TimelineEntry, dependent: TimelineEntry): string {
  return (
    `“${dependent.title}” starts on ${formatDay(dependent.start!)}, before “${prerequisite.title}”, ` +
    `which it depends on, ends on ${formatDay(prerequisite.end!)}.`
  );
}
