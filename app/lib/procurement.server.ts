// Server-only entry points for publishing a city's procurement pipeline as open data (OCDS).
export {
  findPublishedPipeline,
  listPublishingCities,
  publishingOverview,
  publishOpportunities,
  setOcidPrefix,
  type PublishReport,
} from "../../server/procurement/publishing";
