/**
 * Overlap detection across cities' published pipelines: opportunities of different cities that buy
 * the same kind of thing at the same time, which the cities might buy together instead.
 *
 * Two opportunities match when they belong to different cities, share a category, their tender
 * windows overlap, and their title and outcome read alike. Groups are the transitive closure of
 * that relation, so A ~ B and B ~ C puts A, B and C in one group even when A and C alone would not
 * match.
 */

/** What overlap detection reads of a published opportunity. */
export interface OverlapCandidate {
  cityId: string;
  rowId: string;
  category: string | null;
  /** The tender start, YYYY-MM-DD. */
  tenderStart: string | null;
  /** The award date, YYYY-MM-DD. */
  awardDate: string | null;
  title: string;
  description: string;
  /** OCDS tender status; one that has stopped no longer overlaps with anything. */
  status: string | null;
}

export interface OverlapGroup<T extends OverlapCandidate> {
  opportunities: T[];
  /** How many different cities the group spans (at least two). */
  cityCount: number;
}

/**
 * How alike two texts must read, as the cosine of their term-frequency vectors. Chosen on real-looking
 * pipeline entries: two cities describing the same purchase in their own words (street lights that
 * dim and report faults; on-street chargers for electric cars) score 0.39–0.67, while different
 * purchases in the same category, which share only words such as "data", "energy" or "street",
 * stay at 0.27 or below.
 */
export const SIMILARITY_THRESHOLD = 0.3;

/** How long a tender window lasts when the opportunity gives no award date. */
export const DEFAULT_WINDOW_DAYS = 90;

/** Statuses of a procurement that will not go ahead, or has finished: nothing left to buy together. */
const STOPPED_STATUSES = new Set(["cancelled", "withdrawn", "unsuccessful", "complete"]);

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either etc few for from
  further had has have having he her here hers him his how i if in into is it its itself just less
  may me might more most must my no nor not now of off on once only or other our ours out over own
  per same shall she should so some such than that the their theirs them then there these they this
  those through to too under until up upon us very via was we were what when where which while who
  whom why will with within without would you your yours`.split(/\s+/),
);

/**
 * Words nearly every city's plans use ("residents can use council services"): they say nothing about
 * what is bought, yet would make unrelated purchases read alike.
 */
const CIVIC_WORDS = new Set(
  `city cities council councils resident residents people public service services use uses using
  used need needs get gets make makes new one two three every many help helps`.split(/\s+/),
);

/** Suffixes stripped by `stem`, longest first, with what replaces them. */
const SUFFIXES: [string, string][] = [
  ["isation", "is"],
  ["ization", "iz"],
  ["ational", "ate"],
  ["fulness", "ful"],
  ["ations", ""],
  ["ation", ""],
  ["ments", ""],
  ["ment", ""],
  ["ness", ""],
  ["ings", ""],
  ["ing", ""],
  ["ies", "y"],
  ["ied", "y"],
  ["sses", "ss"],
  ["edly", ""],
  ["ers", ""],
  ["er", ""],
  ["ed", ""],
  ["ly", ""],
  ["s", ""],
];

/** The shortest stem a suffix may leave, so short words ("bus", "station") keep their meaning. */
const MIN_STEM = 3;

/**
 * A light English stemmer: one suffix off, a doubled final consonant undone after -ing/-ed
 * ("planning" → "plan"), and a silent final e dropped ("charge", "charging" → "charg").
 */
export function stem(word: string): string {
  let result = word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!result.endsWith(suffix) || (suffix === "s" && result.endsWith("ss"))) continue;
    const base = result.slice(0, -suffix.length);
    if (base.length < MIN_STEM) continue;
    result = base + replacement;
    if ((suffix === "ing" || suffix === "ed") && /([^aeiouslz])\1$/.test(result))
      result = result.slice(0, -1);
    break;
  }
  if (result.length > 4 && result.endsWith("e")) result = result.slice(0, -1);
  return result;
}

/** The stemmed words of a text, lower-cased, without stop words, words every city uses, and numbers. */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? [];
  const result: string[] = [];
  for (const raw of words) {
    for (const part of raw.replace(/['’]s$/, "").split(/['’-]/)) {
      if (part.length < 2 || STOP_WORDS.has(part) || CIVIC_WORDS.has(part)) continue;
      result.push(stem(part));
    }
  }
  return result;
}

/** Term → weight. Counts are damped (1 + ln n) so that one word repeated does not outweigh the rest. */
type TermVector = Map<string, number>;

function termVector(text: string): TermVector {
  const vector: TermVector = new Map();
  for (const term of terms(text)) vector.set(term, (vector.get(term) ?? 0) + 1);
  for (const [term, count] of vector) vector.set(term, 1 + Math.log(count));
  return vector;
}

function norm(vector: TermVector): number {
  let sum = 0;
  for (const count of vector.values()) sum += count * count;
  return Math.sqrt(sum);
}

/** Cosine similarity of two texts' term-frequency vectors: 0 (nothing shared) to 1 (the same words). */
export function textSimilarity(a: string, b: string): number {
  return cosine(termVector(a), termVector(b));
}

function cosine(a: TermVector, b: TermVector): number {
  const lengths = norm(a) * norm(b);
  if (lengths === 0) return 0;
  let dot = 0;
  for (const [term, count] of a) dot += count * (b.get(term) ?? 0);
  return dot / lengths;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number | null {
  const time = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.round(time / DAY_MS);
}

/**
 * The days an opportunity is out to tender: from the tender start to the award date, or for
 * `DEFAULT_WINDOW_DAYS` when there is no award date. None without a tender start.
 */
export function tenderWindow(
  candidate: Pick<OverlapCandidate, "tenderStart" | "awardDate">,
): { start: number; end: number } | null {
  const start = candidate.tenderStart ? dayNumber(candidate.tenderStart) : null;
  if (start === null) return null;
  const award = candidate.awardDate ? dayNumber(candidate.awardDate) : null;
  const end = award === null ? start + DEFAULT_WINDOW_DAYS : Math.max(start, award);
  return { start, end };
}

interface Prepared<T> {
  candidate: T;
  window: { start: number; end: number };
  vector: TermVector;
}

function matches<T extends OverlapCandidate>(a: Prepared<T>, b: Prepared<T>): boolean {
  if (a.candidate.cityId === b.candidate.cityId) return false;
  if (a.candidate.category !== b.candidate.category) return false;
  if (a.window.start > b.window.end || b.window.start > a.window.end) return false;
  return cosine(a.vector, b.vector) >= SIMILARITY_THRESHOLD;
}

/**
 * Groups of similar opportunities across cities, largest first. An opportunity without a category or
 * a tender date, or whose procurement has stopped, is in no group.
 */
export function findOverlaps<T extends OverlapCandidate>(candidates: readonly T[]): OverlapGroup<T>[] {
  const prepared: Prepared<T>[] = [];
  for (const candidate of candidates) {
    if (!candidate.category || (candidate.status && STOPPED_STATUSES.has(candidate.status))) continue;
    const window = tenderWindow(candidate);
    if (!window) continue;
    prepared.push({ candidate, window, vector: termVector(`${candidate.title}\n${candidate.description}`) });
  }

  // Union-find over the matching pairs gives the transitive groups.
  const parent = prepared.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      if (matches(prepared[i]!, prepared[j]!)) parent[find(i)] = find(j);
    }
  }

  const members = new Map<number, T[]>();
  prepared.forEach((entry, index) => {
    const root = find(index);
    members.set(root, [...(members.get(root) ?? []), entry.candidate]);
  });
  const groups: OverlapGroup<T>[] = [];
  for (const opportunities of members.values()) {
    const cityCount = new Set(opportunities.map((opportunity) => opportunity.cityId)).size;
    if (cityCount < 2) continue;
    opportunities.sort(
      (a, b) =>
        (a.tenderStart ?? "").localeCompare(b.tenderStart ?? "") ||
        a.cityId.localeCompare(b.cityId) ||
        a.rowId.localeCompare(b.rowId),
    );
    groups.push({ opportunities, cityCount });
  }
  return groups.sort(
    (a, b) =>
      b.cityCount - a.cityCount ||
      b.opportunities.length - a.opportunities.length ||
      (a.opportunities[0]!.tenderStart ?? "").localeCompare(b.opportunities[0]!.tenderStart ?? ""),
  );
}
