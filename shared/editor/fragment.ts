/** The Y.XmlFragment of a document's Yjs state that holds its content (the Collaboration default). */
export const EDITOR_FRAGMENT = "default";
