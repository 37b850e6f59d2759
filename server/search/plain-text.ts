import * as Y from "yjs";
import { EDITOR_FRAGMENT } from "../../shared/editor/fragment";

// Control characters cannot be stored in PostgreSQL text (NUL) or would clash with the markers
// of search snippets; tabs and line breaks stay.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function collect(parent: Y.XmlFragment | Y.XmlElement, lines: string[]): void {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      const text = (child.toDelta() as { insert: unknown }[])
        .map((op) => (typeof op.insert === "string" ? op.insert : ""))
        .join("");
      if (text) lines.push(text);
    } else if (child instanceof Y.XmlElement) {
      collect(child, lines);
    }
  }
}

/**
 * The words of a document as search sees them: each run of text (a paragraph, a heading, a cell)
 * on a line of its own. Reads the Yjs structure directly, so it never changes the document.
 */
export function plainTextOf(ydoc: Y.Doc): string {
  const lines: string[] = [];
  collect(ydoc.getXmlFragment(EDITOR_FRAGMENT), lines);
  return lines.join("\n").replace(CONTROL_CHARACTERS, "");
}
