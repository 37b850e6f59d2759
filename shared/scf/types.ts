/**
 * The Smart City Framework (PAS 181) as typed data: its components, guidance notes,
 * recommendations and annexes, written in our own words with the framework's ids and lettering.
 */

/** A clause of the framework that carries recommendations: component A, notes B1–B14, C and D. */
export type ClauseId =
  | "A"
  | "B1"
  | "B2"
  | "B3"
  | "B4"
  | "B5"
  | "B6"
  | "B7"
  | "B8"
  | "B9"
  | "B10"
  | "B11"
  | "B12"
  | "B13"
  | "B14"
  | "C"
  | "D";

/** The four components of the framework. */
export type ComponentId = "A" | "B" | "C" | "D";

/** The three groups of component B's guidance notes. */
export type ProcessArea = "business" | "service" | "technology";

/** A numbered point inside a recommendation, as in the framework's "1)", "2)". */
export interface RecommendationItem {
  number: number;
  text: string;
}

export interface Recommendation {
  /**
   * The clause id followed by the recommendation's letter ("B4c"); the clause id alone for a
   * clause whose single recommendation is not lettered ("B2").
   */
  id: string;
  /** As lettered in the framework; null when the clause's only recommendation has no letter. */
  letter: string | null;
  /** What the city should do, in one or two sentences. */
  text: string;
  /** Numbered points of the recommendation, where the framework lists them. */
  items?: readonly RecommendationItem[];
}

/** A link from one clause to another, and why the two belong together. */
export interface Linkage {
  clause: ClauseId;
  why: string;
}

export interface Clause {
  id: ClauseId;
  component: ComponentId;
  /** For component B only: which group of guidance notes the clause belongs to. */
  area: ProcessArea | null;
  /** Short title, as a reader would name the clause ("City vision"). */
  title: string;
  /** The situation the clause addresses, in a sentence or two. */
  context: string;
  /** The need the clause answers, in one or two sentences. */
  need: string;
  /** The clause explained for a reader who has not read the framework: a few short paragraphs. */
  explanation: readonly string[];
  recommendations: readonly Recommendation[];
  linkages: readonly Linkage[];
}

/** A statement of Annex A ("A.2.1"): a belief, with the points that make it concrete. */
export interface PrincipleStatement {
  id: string;
  /** The belief in one sentence. */
  text: string;
  /** Its points, lettered as in the framework. */
  points: readonly { letter: string; text: string }[];
}

/** One of Annex A's four principle groups ("A.1", the visionary city). */
export interface PrincipleGroup {
  id: "A.1" | "A.2" | "A.3" | "A.4";
  /** "The visionary city". */
  title: string;
  /** What the group stands for, in one sentence. */
  summary: string;
  statements: readonly PrincipleStatement[];
}

/** A sub-factor of a critical success factor ("1a", clear vision), with its checklist. */
export interface SuccessSubFactor {
  id: string;
  letter: string;
  title: string;
  /** Checklist statements a city can tick, written as the city speaking ("We …"). */
  statements: readonly string[];
}

/** One of Annex B's nine critical success factors. */
export interface SuccessFactor {
  number: number;
  title: string;
  subFactors: readonly SuccessSubFactor[];
}
