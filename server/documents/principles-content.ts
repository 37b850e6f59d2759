import type { JSONContent } from "@tiptap/core";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { saveSnapshot } from "../../db/repositories/doc-updates";
import { saveDocumentText } from "../../db/repositories/document-search";
import type { Executor } from "../../db/repositories/executor";
import { EDITOR_FRAGMENT } from "../../shared/editor/fragment";
import { fragmentPlainText } from "../../shared/editor/plain-text";
import { PRINCIPLE_GROUPS } from "../../shared/scf/principles";
import { documentSchema } from "./content";

/** A guiding principles document as plain text: an opening, then one section per principle group. */
export interface PrinciplesText {
  intro: readonly string[];
  groups: readonly {
    title: string;
    /** Paragraphs under the group's heading. */
    paragraphs: readonly string[];
    /** A bulleted list after the paragraphs; none when empty. */
    items: readonly string[];
  }[];
}

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

/** The text as the editor's document: level 2 headings, paragraphs and bulleted lists. */
export function principlesContent(text: PrinciplesText): JSONContent {
  const content: JSONContent[] = text.intro.map(paragraph);
  for (const group of text.groups) {
    content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: group.title }] });
    content.push(...group.paragraphs.map(paragraph));
    if (group.items.length > 0) {
      content.push({
        type: "bulletList",
        content: group.items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
      });
    }
  }
  // The editor keeps a paragraph at the end; ending on one already spares the first reader's
  // editor from adding it as a change of theirs.
  if (content.at(-1)?.type !== "paragraph") content.push({ type: "paragraph" });
  return { type: "doc", content };
}

/** Fills an empty Yjs document with the text, as the editor would have written it. */
export function writePrinciples(ydoc: Y.Doc, text: PrinciplesText): void {
  const node = documentSchema.nodeFromJSON(principlesContent(text));
  prosemirrorToYXmlFragment(node, ydoc.getXmlFragment(EDITOR_FRAGMENT));
}

/**
 * What a new city's guiding principles start from: Annex A's four groups, each with what it stands
 * for and its statements, for the city's partners to rewrite in their own words.
 */
export function starterPrinciples(): PrinciplesText {
  return {
    intro: [
      "These are the principles the city's partners agree to steer the programme by. They start from the four groups of guiding principles in Annex A of the Smart City Framework (PAS 181).",
      "Rewrite each statement in the city's own words, say how the city will put it into practice, and drop what does not fit. When the text is ready, each lead and editor records that they agree with it.",
    ],
    groups: PRINCIPLE_GROUPS.map((group) => ({
      title: group.title,
      paragraphs: [group.summary],
      items: group.statements.map((statement) => statement.text),
    })),
  };
}

/** Stores the text as the document's first state, with its search text. */
export async function storePrinciples(
  db: Executor,
  args: { documentId: string; ydoc: Y.Doc },
): Promise<void> {
  await saveSnapshot(db, {
    documentId: args.documentId,
    state: Y.encodeStateAsUpdate(args.ydoc),
    stateVector: Y.encodeStateVector(args.ydoc),
    folded: 0,
  });
  await saveDocumentText(db, {
    documentId: args.documentId,
    plainText: fragmentPlainText(args.ydoc.getXmlFragment(EDITOR_FRAGMENT)),
  });
}

/** Gives a new guiding principles document the starter text. */
export async function startPrinciples(db: Executor, args: { documentId: string }): Promise<void> {
  const ydoc = new Y.Doc();
  try {
    writePrinciples(ydoc, starterPrinciples());
    await storePrinciples(db, { documentId: args.documentId, ydoc });
  } finally {
    ydoc.destroy();
  }
}
