import * as Y from "yjs";
import { EDITOR_FRAGMENT } from "./fragment";

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
 * The words of rich text as search sees them: each run of text (a paragraph, a heading, a cell) on
 * a line of its own. Reads the Yjs structure directly, so it never changes the document.
 */
export function fragmentPlainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  collect(fragment, lines);
  return lines.join("\n").replace(CONTROL_CHARACTERS, "");
}

/** The words of a document, as `fragmentPlainText` reads them. */
export function plainTextOf(ydoc: Y.Doc): string {
  return fragmentPlainText(ydoc.getXmlFragment(EDITOR_FRAGMENT));
}

/** Fills an empty fragment with plain text: one paragraph per line. */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split(/\r?\n/).map((line) => {
    const paragraph = new Y.XmlElement("paragraph");
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  fragment.insert(0, paragraphs);
}
