// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export {
  listDocumentVersions,
  restoreVersion,
  takeNamedVersion,
  viewVersion,
} from "../../server/documents/versions";
