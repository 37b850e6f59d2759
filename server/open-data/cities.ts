import type { Kysely } from "kysely";
import { findCityBySlug } from "../../db/repositories/cities";
import { findReleaseVersion, listPublishingCities } from "../../db/repositories/procurement-releases";
import { listPublishedCities } from "../../db/repositories/publications";
import type { Database } from "../../db/schema";
import {
  PUBLIC_SECTIONS,
  type PublicRoadmapItem,
  type PublishedSections,
  type SectionKey,
} from "../../shared/publications";
import { findPublication, findPublicationHistory, findPublicPage } from "../governance/publications";
import { releasePackage, releasePackageUri } from "../procurement/publishing";
import { openDataAnswer, VersionedCache, type OpenDataAnswer } from "./answer";

/**
 * The open data API's view of what cities published: every answer is built from the `publications`
 * rows and the OCDS releases, never from a live document or board (decision 016).
 */

/** Where a city's open data and public pages are, for the endpoints it has something at. */
export interface OpenDataCityLinks {
  self: string;
  publicPage?: string;
  history?: string;
  feed?: string;
  publications?: string;
  latestPublication?: string;
  roadmap?: string;
  pipeline?: string;
  releasePackage?: string;
}

/** A city with published data, as the API lists it. */
export interface OpenDataCity {
  slug: string;
  name: string;
  country: string;
  /** Its public page, when it has published one. */
  page: {
    publications: number;
    latestPublication: number;
    sections: SectionKey[];
    lastPublished: string;
  } | null;
  /** Its procurement pipeline, when it has published an opportunity. */
  pipeline: { opportunities: number; lastPublished: string } | null;
  links: OpenDataCityLinks;
}

const latestOf = (...dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);

/** The API address of a city, or of one of its endpoints. */
export function cityApiUri(origin: string, slug: string, path = ""): string {
  return `${origin}/api/v1/cities/${encodeURIComponent(slug)}${path}`;
}

/** The cities with a published page or pipeline, by name; with `cityId`, only that one. */
async function citiesWithPublishedData(
  db: Kysely<Database>,
  origin: string,
  args: { cityId?: string } = {},
): Promise<{ city: OpenDataCity; lastModified: Date }[]> {
  const [pages, pipelines] = await Promise.all([
    listPublishedCities(db, args),
    listPublishingCities(db, args),
  ]);
  const bySlug = new Map<string, { city: OpenDataCity; lastModified: Date }>();
  const entry = (city: { slug: string; name: string; country: string }) => {
    let found = bySlug.get(city.slug);
    if (!found) {
      found = {
        city: {
          slug: city.slug,
          name: city.name,
          country: city.country,
          page: null,
          pipeline: null,
          links: { self: cityApiUri(origin, city.slug) },
        },
        lastModified: new Date(0),
      };
      bySlug.set(city.slug, found);
    }
    return found;
  };
  for (const page of pages) {
    const found = entry(page);
    const sections = PUBLIC_SECTIONS.map((section) => section.key).filter((key) =>
      page.latestSections.includes(key),
    );
    const publicPage = `${origin}/p/${encodeURIComponent(page.slug)}`;
    found.city.page = {
      publications: page.publications,
      latestPublication: page.latestNumber,
      sections,
      lastPublished: page.lastPublishedAt.toISOString(),
    };
    Object.assign(found.city.links, {
      publicPage,
      history: `${publicPage}/history`,
      feed: `${publicPage}/feed.atom`,
      publications: cityApiUri(origin, page.slug, "/publications"),
      latestPublication: cityApiUri(origin, page.slug, `/publications/${page.latestNumber}`),
      ...(sections.includes("roadmap") ? { roadmap: cityApiUri(origin, page.slug, "/roadmap") } : {}),
    });
    found.lastModified = latestOf(found.lastModified, page.lastPublishedAt)!;
  }
  for (const pipeline of pipelines) {
    const found = entry(pipeline);
    found.city.pipeline = {
      opportunities: pipeline.opportunities,
      lastPublished: pipeline.lastPublishedAt.toISOString(),
    };
    Object.assign(found.city.links, {
      pipeline: `${origin}/p/${encodeURIComponent(pipeline.slug)}/pipeline`,
      releasePackage: releasePackageUri(origin, pipeline.slug),
    });
    found.lastModified = latestOf(found.lastModified, pipeline.lastPublishedAt)!;
  }
  return [...bySlug.values()].sort((a, b) => a.city.name.localeCompare(b.city.name, "en-GB"));
}

/** Every city with a published page or pipeline, with links to its endpoints. */
export async function listOpenDataCities(
  db: Kysely<Database>,
  args: { origin: string },
): Promise<OpenDataAnswer> {
  const cities = await citiesWithPublishedData(db, args.origin);
  return openDataAnswer(
    { cities: cities.map((entry) => entry.city) },
    latestOf(...cities.map((entry) => entry.lastModified)),
  );
}

/** One city with published data: null for an unknown city and for one that has published nothing. */
export async function findOpenDataCity(
  db: Kysely<Database>,
  args: { slug: string; origin: string },
): Promise<OpenDataAnswer | null> {
  const city = await findCityBySlug(db, { slug: args.slug });
  if (!city) return null;
  const [found] = await citiesWithPublishedData(db, args.origin, { cityId: city.id });
  return found ? openDataAnswer(found.city, found.lastModified) : null;
}

export interface OpenDataRoadmap {
  city: { slug: string; name: string };
  publication: { number: number; publishedAt: string };
  /** When a publication last changed the roadmap's progress. */
  updatedAt: string | null;
  overall: { done: number; total: number };
  phases: {
    phase: string;
    label: string;
    done: number;
    total: number;
    items: Omit<PublicRoadmapItem, "phase">[];
  }[];
  itemsWithoutPhase: Omit<PublicRoadmapItem, "phase">[];
}

/** Each city's roadmap answer, valid while the publication it comes from is the latest. */
const roadmaps = new VersionedCache<OpenDataAnswer | null>();

/** The roadmap progress of the city's latest publication: null when the city has published none. */
export async function findPublishedRoadmap(
  db: Kysely<Database>,
  args: { slug: string },
): Promise<OpenDataAnswer | null> {
  const page = await findPublicPage(db, args);
  if (!page) return null;
  const { city, publication } = page;
  // The city's name is part of the answer and may change between publications.
  return roadmaps.get(city.id, `${publication.number} ${city.name}`, () => {
    const roadmap = publication.sections.roadmap;
    if (!roadmap) return null;
    const item = ({ id, title, status, start, end }: PublicRoadmapItem) => ({
      id,
      title,
      status,
      start,
      end,
    });
    const body: OpenDataRoadmap = {
      city: { slug: city.slug, name: city.name },
      publication: { number: publication.number, publishedAt: publication.publishedAt.toISOString() },
      updatedAt: page.sectionDates.roadmap?.toISOString() ?? null,
      overall: roadmap.overall,
      phases: roadmap.phases.map((phase) => ({
        ...phase,
        items: roadmap.items.filter((entry) => entry.phase === phase.phase).map(item),
      })),
      itemsWithoutPhase: roadmap.items
        .filter((entry) => !roadmap.phases.some((phase) => phase.phase === entry.phase))
        .map(item),
    };
    return openDataAnswer(body, publication.publishedAt);
  });
}

export interface OpenDataPublicationSummary {
  number: number;
  publishedAt: string;
  publisherName: string;
  /** The sections this publication changed or added; the others were carried over. */
  changed: SectionKey[];
  links: { self: string };
}

/** The city's publications, newest first, without their content: null when it has published none. */
export async function listCityPublications(
  db: Kysely<Database>,
  args: { slug: string; origin: string },
): Promise<OpenDataAnswer | null> {
  const history = await findPublicationHistory(db, args);
  if (!history) return null;
  const { city, publications } = history;
  return openDataAnswer(
    {
      city: { slug: city.slug, name: city.name },
      publications: publications.map((publication) => ({
        number: publication.number,
        publishedAt: publication.publishedAt.toISOString(),
        publisherName: publication.publisherName,
        changed: publication.republished,
        links: { self: cityApiUri(args.origin, city.slug, `/publications/${publication.number}`) },
      })) satisfies OpenDataPublicationSummary[],
    },
    publications[0]!.publishedAt,
  );
}

export interface OpenDataPublication {
  city: { slug: string; name: string };
  number: number;
  publishedAt: string;
  publisherName: string;
  changed: SectionKey[];
  /** The page as published: rich text is the sanitised HTML stored at publication. */
  sections: PublishedSections;
}

/** One publication of the city, whole, by its number: null when there is no such publication. */
export async function findCityPublication(
  db: Kysely<Database>,
  args: { slug: string; number: number },
): Promise<OpenDataAnswer | null> {
  const city = await findCityBySlug(db, { slug: args.slug });
  const publication = city ? await findPublication(db, { cityId: city.id, number: args.number }) : null;
  if (!city || !publication) return null;
  const body: OpenDataPublication = {
    city: { slug: city.slug, name: city.name },
    number: publication.number,
    publishedAt: publication.publishedAt.toISOString(),
    publisherName: publication.publisherName,
    changed: publication.republished,
    sections: publication.sections,
  };
  return openDataAnswer(body, publication.publishedAt);
}

/** Each city's release package, valid while it has published no further release (and keeps its name). */
const releasePackages = new VersionedCache<OpenDataAnswer | null>();

/**
 * Every release the city has published, as one OCDS release package: null for an unknown city and
 * for one that has published none.
 */
export async function findReleasePackageAnswer(
  db: Kysely<Database>,
  args: { slug: string; origin: string },
): Promise<OpenDataAnswer | null> {
  const city = await findCityBySlug(db, { slug: args.slug });
  const version = city ? await findReleaseVersion(db, { cityId: city.id }) : null;
  if (!city || !version) return null;
  const stamp = `${version.releases} ${version.lastPublishedAt.toISOString()} ${city.name}`;
  return releasePackages.get(`${city.id} ${args.origin}`, stamp, async () => {
    const built = await releasePackage(db, { city, origin: args.origin });
    return built ? openDataAnswer(built, new Date(built.publishedDate)) : null;
  });
}
