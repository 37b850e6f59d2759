// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export {
  evidenceChoices,
  openTracker,
  openWorkbook,
  roadmapItemsForClause,
  trackerJson,
} from "../../server/scf/tracker";
