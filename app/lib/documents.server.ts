// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { findDocumentOfCity, listDocumentsOfCity } from "../../db/repositories/documents";
export { createDocument, deleteDocument, renameDocument, setArchived } from "../../server/documents/commands";
