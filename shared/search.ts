/** Marks the database puts around matched words in titles and snippets: control characters, never in stored text. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/** Longer queries are cut to this many characters. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Splits marked text into plain and matched parts, for rendering as text and <mark>. */
export function splitHighlights(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const [before, ...rest] = marked.split(MATCH_START);
  if (before) parts.push({ text: before, match: false });
  for (const piece of rest) {
    const end = piece.indexOf(MATCH_END);
    const matched = end === -1 ? piece : piece.slice(0, end);
    const after = end === -1 ? "" : piece.slice(end + MATCH_END.length);
    if (matched) parts.push({ text: matched, match: true });
    if (after) parts.push({ text: after.replaceAll(MATCH_END, ""), match: false });
  }
  return parts;
}

/** A place the Ctrl+K palette can jump to. */
export interface PaletteDestination {
  label: string;
  href: string;
  /** What it is, shown beside the label: "Page", or the document's kind. */
  category: string;
}
