// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { listDocumentsOfCity } from "../../db/repositories/documents";
export {
  createDocument,
  deleteDocument,
  renameDocument,
  requireDocumentOfCity,
  setArchived,
} from "../../server/documents/commands";
