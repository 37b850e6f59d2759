// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { listPaletteDestinations, searchCityDocuments } from "../../server/search/commands";
