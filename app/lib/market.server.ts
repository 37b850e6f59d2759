// Server-only entry points for the all-cities pipelines and market engagement pages.
export { findCityBySlug } from "../../db/repositories/cities";
export {
  findPublishedOpportunity,
  type PublishedOpportunity,
} from "../../db/repositories/published-opportunities";
export { browsePipelines, overlapsOfCity, parseFilters } from "../../server/procurement/all-pipelines";
export {
  answerInterest,
  interestOfUser,
  mayRegisterInterest,
  openToInterest,
  receivedInterests,
  registerInterest,
} from "../../server/procurement/interests";
