// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export {
  exportRoadmapCsv,
  findCityBoard,
  importRoadmapCsv,
  readRoadmap,
  type ImportReport,
} from "../../server/boards/commands";
export { CSV_MAX_BYTES, CSV_MAX_ROWS } from "../../server/boards/csv";
export { roadmapPrintPage } from "../../server/boards/print";
export {
  compareWithSharedRoadmap,
  copyRoadmapAsTemplate,
  listRoadmapSharing,
  readSharedRoadmap,
  shareRoadmap,
  stopSharingRoadmap,
} from "../../server/boards/sharing";
export { listSpacesOfCity } from "../../db/repositories/spaces";
