import type { BoardSpec } from "./fields";
import { TRACKER } from "./framework";
import { DECISIONS, LEADERSHIP } from "./governance";
import { LESSONS } from "./lessons";
import { PIPELINE } from "./pipeline";
import { ROADMAP } from "./roadmap";

/** Document kinds whose Y.Doc holds a board rather than rich text. */
export const BOARD_KINDS = [
  "roadmap",
  "framework",
  "pipeline",
  "leadership",
  "decisions",
  "lessons",
] as const;

export type BoardKind = (typeof BOARD_KINDS)[number];

export function isBoardKind(value: unknown): value is BoardKind {
  return typeof value === "string" && (BOARD_KINDS as readonly string[]).includes(value);
}

const SPECS: Record<BoardKind, BoardSpec> = {
  roadmap: ROADMAP,
  framework: TRACKER,
  pipeline: PIPELINE,
  leadership: LEADERSHIP,
  decisions: DECISIONS,
  lessons: LESSONS,
};

/** The fields of a board kind: what its rows hold, how they are checked and projected. */
export function boardSpecOf(kind: BoardKind): BoardSpec {
  return SPECS[kind];
}
