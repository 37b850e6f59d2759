import type { GovernanceBoard } from "./boards/governance";
import type { Phase, Status } from "./boards/roadmap";

/** The sections of a city's public page, in the order the page shows them. */
export const PUBLIC_SECTIONS = [
  { key: "update", label: "Progress update" },
  { key: "vision", label: "Vision" },
  { key: "principles", label: "Guiding principles" },
  { key: "leadership", label: "Leadership team" },
  { key: "roadmap", label: "Roadmap progress" },
  { key: "pipeline", label: "Procurement pipeline" },
] as const;

export type SectionKey = (typeof PUBLIC_SECTIONS)[number]["key"];

export function isSectionKey(value: unknown): value is SectionKey {
  return PUBLIC_SECTIONS.some((section) => section.key === value);
}

export function sectionLabel(key: SectionKey): string {
  return PUBLIC_SECTIONS.find((section) => section.key === key)!.label;
}

/** A rich-text document as published: its HTML, already sanitised, and its words for comparing. */
export interface RichSection {
  title: string;
  html: string;
  text: string;
}

/** A member of the leadership team marked public, as published. */
export interface PublicLeader {
  name: string;
  role: string;
  organisation: string;
  board: GovernanceBoard;
  responsibility: string;
  contact: string;
}

export interface LeadershipSection {
  people: PublicLeader[];
}

export interface PhaseProgress {
  phase: Phase;
  label: string;
  done: number;
  total: number;
}

/** A roadmap item marked public, as published. */
export interface PublicRoadmapItem {
  id: string;
  title: string;
  phase: Phase | null;
  status: Status | null;
  start: string | null;
  end: string | null;
}

export interface RoadmapSection {
  overall: { done: number; total: number };
  phases: PhaseProgress[];
  items: PublicRoadmapItem[];
}

/** What the city's own OCDS publishing had made public when the page was published. */
export interface PipelineSection {
  opportunities: number;
  /** ISO time of the latest release, or null when none. */
  lastPublishedAt: string | null;
}

/** A public page as published: a section is absent until it is first published. */
export interface PublishedSections {
  update?: RichSection;
  vision?: RichSection;
  principles?: RichSection;
  leadership?: LeadershipSection;
  roadmap?: RoadmapSection;
  pipeline?: PipelineSection;
}
