/**
 * Days, scales, axis ticks, lanes and dependency arrows of the roadmap timeline. Dates are calendar
 * days with no time zone, so a day is counted from 1970-01-01 in UTC and never shifts with the clock.
 */

export type Zoom = "month" | "quarter";

const MS_PER_DAY = 86_400_000;

/** Month names of our own, so server and browser render the same text whatever their locale data. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** The day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today where the user is, as a day number. */
export function todayDay(now: Date = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY;
}

function calendarOf(day: number): { year: number; month: number; date: number } {
  const moment = new Date(day * MS_PER_DAY);
  return { year: moment.getUTCFullYear(), month: moment.getUTCMonth(), date: moment.getUTCDate() };
}

function monthStart(year: number, month: number): number {
  return Date.UTC(year, month, 1) / MS_PER_DAY;
}

/** "3 Mar 2026". */
export function formatDay(day: number): string {
  const { year, month, date } = calendarOf(day);
  return `${date} ${MONTHS[month]} ${year}`;
}

/** "3 Mar 2026" for an ISO date. */
export function formatDate(iso: string): string {
  return formatDay(dayOf(iso));
}

/**
 * An item's dates in words: "3 Mar – 30 Jun 2026", "3 Mar 2025 – 30 Jun 2026", "From 3 Mar 2026",
 * "Until 30 Jun 2026", or "" when it has neither.
 */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (start && end) {
    const from = calendarOf(dayOf(start));
    const until = calendarOf(dayOf(end));
    if (from.year !== until.year) return `${formatDate(start)} – ${formatDate(end)}`;
    return `${from.date} ${MONTHS[from.month]} – ${formatDate(end)}`;
  }
  if (start) return `From ${formatDate(start)}`;
  if (end) return `Until ${formatDate(end)}`;
  return "";
}

/** The first day of the month, or of the quarter, that holds `day`. */
export function periodStart(day: number, zoom: Zoom): number {
  const { year, month } = calendarOf(day);
  return monthStart(year, zoom === "month" ? month : month - (month % 3));
}

/** The first day of the period `count` periods after the one starting on `start` (count may be negative). */
export function addPeriods(start: number, zoom: Zoom, count: number): number {
  const { year, month } = calendarOf(start);
  return monthStart(year, month + count * (zoom === "month" ? 1 : 3));
}

/** Horizontal pixels per day at each zoom: about 120 px a month, or 115 px a quarter. */
export const PIXELS_PER_DAY: Record<Zoom, number> = { month: 4, quarter: 1.25 };

/** Bars are never narrower than this, so a one-day item can still be seen and clicked. */
export const MIN_BAR_WIDTH = 6;

export interface TimeScale {
  zoom: Zoom;
  /** First day shown. */
  from: number;
  /** The day after the last day shown. */
  to: number;
  pixelsPerDay: number;
  width: number;
}

/**
 * A scale that shows every one of `days`, from the start of the period before the earliest to the
 * end of the period after the latest. Null when there is no day to show.
 */
export function createScale(days: readonly number[], zoom: Zoom): TimeScale | null {
  if (days.length === 0) return null;
  let earliest = days[0]!;
  let latest = days[0]!;
  for (const day of days) {
    if (day < earliest) earliest = day;
    if (day > latest) latest = day;
  }
  const from = addPeriods(periodStart(earliest, zoom), zoom, -1);
  const to = addPeriods(periodStart(latest, zoom), zoom, 2);
  return scaleBetween(from, to, zoom);
}

/** A scale from day `from` up to (not including) day `to`. */
export function scaleBetween(from: number, to: number, zoom: Zoom): TimeScale {
  const pixelsPerDay = PIXELS_PER_DAY[zoom];
  return { zoom, from, to, pixelsPerDay, width: Math.round((to - from) * pixelsPerDay) };
}

/** The x position of the start of `day`. */
export function xOf(scale: TimeScale, day: number): number {
  return (day - scale.from) * scale.pixelsPerDay;
}

/** The day under position `x`. */
export function dayAt(scale: TimeScale, x: number): number {
  return scale.from + Math.floor(x / scale.pixelsPerDay);
}

/** Where a bar from `start` to `end` (both days included) sits. */
export function barSpan(scale: TimeScale, start: number, end: number): { x: number; width: number } {
  return { x: xOf(scale, start), width: Math.max(MIN_BAR_WIDTH, (end - start + 1) * scale.pixelsPerDay) };
}

export interface AxisTick {
  day: number;
  x: number;
  width: number;
  label: string;
  /** The first period of a year, drawn stronger. */
  yearStart: boolean;
}

/**
 * One tick per month ("Jan 2026", "Feb", …: the year on January and on the first tick) or per
 * quarter ("Q1 2026").
 */
export function axisTicks(scale: TimeScale): AxisTick[] {
  const ticks: AxisTick[] = [];
  for (let day = scale.from; day < scale.to; day = addPeriods(day, scale.zoom, 1)) {
    const next = addPeriods(day, scale.zoom, 1);
    const { year, month } = calendarOf(day);
    const label =
      scale.zoom === "quarter"
        ? `Q${month / 3 + 1} ${year}`
        : month === 0 || ticks.length === 0
          ? `${MONTHS[month]} ${year}`
          : MONTHS[month]!;
    ticks.push({
      day,
      x: xOf(scale, day),
      width: (next - day) * scale.pixelsPerDay,
      label,
      yearStart: month === 0,
    });
  }
  return ticks;
}

/** A roadmap item as the timeline needs it; dates are day numbers, null when missing or invalid. */
export interface TimelineEntry {
  id: string;
  title: string;
  phase: string | null;
  status: string | null;
  quickWin: boolean;
  milestone: boolean;
  start: number | null;
  end: number | null;
  checkpoints: readonly { day: number; label: string }[];
  dependsOn: readonly string[];
}

/** Height of one item's lane and of a phase's heading row, in pixels. */
export const LANE_HEIGHT = 44;
export const GROUP_HEADER_HEIGHT = 34;

export interface PositionedLane {
  entry: TimelineEntry;
  /** Top of the lane. */
  y: number;
}

export interface LaneGroup {
  /** Null for items whose phase is missing or invalid. */
  phase: string | null;
  label: string;
  /** Top of the group's heading row. */
  y: number;
  lanes: PositionedLane[];
}

export interface LaneLayout {
  groups: LaneGroup[];
  /** Every lane, top to bottom. */
  lanes: PositionedLane[];
  /** Items without both a start and an end, in board order. */
  undated: TimelineEntry[];
  height: number;
  laneOf: ReadonlyMap<string, PositionedLane>;
}

export function isDated(entry: TimelineEntry): entry is TimelineEntry & { start: number; end: number } {
  return entry.start !== null && entry.end !== null && entry.end >= entry.start;
}

/**
 * One lane per dated item, grouped by phase in the phases' order; within a phase quick wins come
 * first, then the rest, each in board order. Phases without dated items are left out.
 */
export function layoutLanes(
  entries: readonly TimelineEntry[],
  phases: readonly { value: string; label: string }[],
): LaneLayout {
  const byPhase = new Map<string | null, { quickWins: TimelineEntry[]; others: TimelineEntry[] }>();
  const undated: TimelineEntry[] = [];
  const known = new Set(phases.map((phase) => phase.value));
  for (const entry of entries) {
    if (!isDated(entry)) {
      undated.push(entry);
      continue;
    }
    const phase = entry.phase !== null && known.has(entry.phase) ? entry.phase : null;
    let bucket = byPhase.get(phase);
    if (!bucket) byPhase.set(phase, (bucket = { quickWins: [], others: [] }));
    (entry.quickWin ? bucket.quickWins : bucket.others).push(entry);
  }

  const groups: LaneGroup[] = [];
  const lanes: PositionedLane[] = [];
  const laneOf = new Map<string, PositionedLane>();
  let y = 0;
  const order = [...phases, { value: null, label: "No phase" }];
  for (const { value, label } of order) {
    const bucket = byPhase.get(value);
    if (!bucket) continue;
    const group: LaneGroup = { phase: value, label, y, lanes: [] };
    y += GROUP_HEADER_HEIGHT;
    for (const entry of [...bucket.quickWins, ...bucket.others]) {
      const lane = { entry, y };
      group.lanes.push(lane);
      lanes.push(lane);
      laneOf.set(entry.id, lane);
      y += LANE_HEIGHT;
    }
    groups.push(group);
  }
  return { groups, lanes, undated, height: y, laneOf };
}

/**
 * The phase headings and lanes that overlap the band from `top` to `bottom` (pixels down from the
 * first heading): the timeline draws only these, so its cost does not grow with the roadmap.
 */
export function rowsInBand(layout: LaneLayout, top: number, bottom: number) {
  const { lanes } = layout;
  let low = 0;
  let high = lanes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lanes[middle]!.y + LANE_HEIGHT <= top) low = middle + 1;
    else high = middle;
  }
  const shown: PositionedLane[] = [];
  for (let index = low; index < lanes.length && lanes[index]!.y < bottom; index++) shown.push(lanes[index]!);
  const groups = layout.groups.filter((group) => group.y < bottom && group.y + GROUP_HEADER_HEIGHT > top);
  return { groups, lanes: shown };
}

/** Every day the timeline must show: dated items' starts, ends and checkpoints, and today. */
export function daysToShow(layout: LaneLayout, today: number | null): number[] {
  const days: number[] = [];
  for (const lane of layout.laneOf.values()) {
    days.push(lane.entry.start!, lane.entry.end!);
    for (const checkpoint of lane.entry.checkpoints) days.push(checkpoint.day);
  }
  if (today !== null && days.length > 0) days.push(today);
  return days;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * An arrow's path from the end of a prerequisite's bar (x1, y1) to the start of the dependent's
 * (x2, y2). When the dependent starts too early to go straight there, the path turns back along
 * the edge of the dependent's lane.
 */
export function dependencyPath(x1: number, y1: number, x2: number, y2: number, gap = 8): string {
  const out = round(x1 + gap);
  if (x2 - x1 >= 2 * gap) return `M${round(x1)} ${round(y1)}H${out}V${round(y2)}H${round(x2)}`;
  const edge = round(y2 + (y2 > y1 ? -1 : 1) * (LANE_HEIGHT / 2));
  return `M${round(x1)} ${round(y1)}H${out}V${edge}H${round(x2 - gap)}V${round(y2)}H${round(x2)}`;
}

export interface DependencyLink {
  /** The prerequisite. */
  from: PositionedLane;
  /** The item that depends on it. */
  to: PositionedLane;
  path: string;
  /** The prerequisite ends after the dependent starts. */
  conflict: boolean;
}

/** The arrows between dated items; dependencies on undated or missing items are not drawn. */
export function dependencyLinks(layout: LaneLayout, scale: TimeScale): DependencyLink[] {
  const links: DependencyLink[] = [];
  for (const to of layout.laneOf.values()) {
    for (const prerequisiteId of to.entry.dependsOn) {
      const from = layout.laneOf.get(prerequisiteId);
      if (!from || from === to) continue;
      const fromEnd = from.entry.end!;
      const toStart = to.entry.start!;
      const bar = barSpan(scale, from.entry.start!, fromEnd);
      const path = dependencyPath(
        bar.x + bar.width,
        from.y + LANE_HEIGHT / 2,
        xOf(scale, toStart),
        to.y + LANE_HEIGHT / 2,
      );
      links.push({ from, to, path, conflict: fromEnd > toStart });
    }
  }
  return links;
}
