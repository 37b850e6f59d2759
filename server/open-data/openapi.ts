import { GOVERNANCE_BOARDS } from "../../shared/boards/governance";
import { PHASES, STATUSES } from "../../shared/boards/roadmap";
import { PUBLIC_SECTIONS } from "../../shared/publications";

/**
 * The OpenAPI 3.1 description of the open data API, served at `/api/v1/openapi.json`. Its schemas
 * describe what the endpoints answer; the tests check real answers against them, so the two cannot
 * drift apart unnoticed.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: "null" }] });
const dateTime: Schema = { type: "string", format: "date-time" };
const uri: Schema = { type: "string", format: "uri" };
const count: Schema = { type: "integer", minimum: 0 };
const sectionKey: Schema = { type: "string", enum: PUBLIC_SECTIONS.map((section) => section.key) };

/** An object whose listed properties are all required and which has no others. */
function record(properties: Record<string, Schema>, optional: string[] = []): Schema {
  return {
    type: "object",
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
    additionalProperties: false,
  };
}

const citySummary = record({ slug: { type: "string" }, name: { type: "string" } });

const roadmapItem = record({
  id: { type: "string" },
  title: { type: "string" },
  status: { type: ["string", "null"], enum: [...STATUSES.map((status) => status.value), null] },
  start: { type: ["string", "null"], format: "date" },
  end: { type: ["string", "null"], format: "date" },
});

/** A phase's progress, as both the roadmap answer and a publication give it. */
const phaseProgress: Record<string, Schema> = {
  phase: { type: "string", enum: PHASES.map((phase) => phase.value) },
  label: { type: "string" },
  done: count,
  total: count,
};

const richSection = record({
  title: { type: "string" },
  html: {
    type: "string",
    description: "Sanitised HTML as stored at publication: only http, https and mailto links.",
  },
  text: { type: "string", description: "The words of the section, a line per paragraph." },
});

const schemas: Record<string, Schema> = {
  Error: record({ error: { type: "string" } }),
  CityLinks: record(
    {
      self: uri,
      publicPage: uri,
      history: uri,
      feed: uri,
      publications: uri,
      latestPublication: uri,
      roadmap: uri,
      pipeline: uri,
      releasePackage: uri,
    },
    [
      "publicPage",
      "history",
      "feed",
      "publications",
      "latestPublication",
      "roadmap",
      "pipeline",
      "releasePackage",
    ],
  ),
  City: {
    ...record({
      slug: { type: "string" },
      name: { type: "string" },
      country: { type: "string" },
      page: nullable(
        record({
          publications: count,
          latestPublication: { type: "integer", minimum: 1 },
          sections: { type: "array", items: sectionKey },
          lastPublished: dateTime,
        }),
      ),
      pipeline: nullable(record({ opportunities: count, lastPublished: dateTime })),
      links: ref("CityLinks"),
    }),
    description: "A city with a published public page, a published procurement pipeline, or both.",
  },
  CityList: record({ cities: { type: "array", items: ref("City") } }),
  Roadmap: record({
    city: citySummary,
    publication: record({ number: { type: "integer", minimum: 1 }, publishedAt: dateTime }),
    updatedAt: {
      ...nullable(dateTime),
      description: "When a publication last changed the roadmap's progress.",
    },
    overall: record({ done: count, total: count }),
    phases: {
      type: "array",
      items: record({
        ...phaseProgress,
        items: { type: "array", items: roadmapItem, description: "The items of the phase marked public." },
      }),
    },
    itemsWithoutPhase: { type: "array", items: roadmapItem },
  }),
  PublicationSummary: record({
    number: { type: "integer", minimum: 1 },
    publishedAt: dateTime,
    publisherName: { type: "string" },
    changed: { type: "array", items: sectionKey },
    links: record({ self: uri }),
  }),
  PublicationList: record({
    city: citySummary,
    publications: { type: "array", items: ref("PublicationSummary") },
  }),
  Publication: record({
    city: citySummary,
    number: { type: "integer", minimum: 1 },
    publishedAt: dateTime,
    publisherName: { type: "string" },
    changed: { type: "array", items: sectionKey },
    sections: record(
      {
        update: richSection,
        vision: richSection,
        principles: richSection,
        leadership: record({
          people: {
            type: "array",
            items: record({
              name: { type: "string" },
              role: { type: "string" },
              organisation: { type: "string" },
              board: { type: "string", enum: GOVERNANCE_BOARDS.map((board) => board.value) },
              responsibility: { type: "string" },
              contact: {
                type: "string",
                description: "An email address, an http(s) address or a phone number.",
              },
            }),
          },
        }),
        roadmap: record({
          overall: record({ done: count, total: count }),
          phases: { type: "array", items: record(phaseProgress) },
          items: {
            type: "array",
            items: {
              ...roadmapItem,
              required: [...(roadmapItem.required as string[]), "phase"],
              properties: {
                ...(roadmapItem.properties as Record<string, Schema>),
                phase: { type: ["string", "null"], enum: [...PHASES.map((phase) => phase.value), null] },
              },
            },
          },
        }),
        pipeline: record({ opportunities: count, lastPublishedAt: nullable(dateTime) }),
      },
      PUBLIC_SECTIONS.map((section) => section.key),
    ),
  }),
  ReleasePackage: {
    type: "object",
    description:
      "An OCDS 1.1 release package holding every release the city has published; the full schema is OCDS's own.",
    externalDocs: { url: "https://standard.open-contracting.org/1.1/en/schema/release_package/" },
    required: ["uri", "version", "publishedDate", "publisher", "releases"],
    properties: {
      uri: uri,
      version: { type: "string" },
      publishedDate: dateTime,
      publisher: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      releases: {
        type: "array",
        items: {
          type: "object",
          required: ["ocid", "id", "date", "tag"],
          properties: {
            ocid: { type: "string" },
            id: { type: "string" },
            date: dateTime,
            tag: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  },
  Framework: {
    type: "object",
    description: "The Smart City Framework (PAS 181) as a SKOS concept scheme in JSON-LD.",
    required: ["@context", "@graph"],
    properties: { "@context": { type: "object" }, "@graph": { type: "array", items: { type: "object" } } },
  },
};

const validatorHeaders = {
  ETag: { description: "A strong validator of the body.", schema: { type: "string" } },
  "Last-Modified": {
    description: "When what the answer shows was published.",
    schema: { type: "string" },
  },
  "Access-Control-Allow-Origin": { schema: { type: "string", const: "*" } },
};

const conditionalParameters = [
  { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } },
  { name: "If-Modified-Since", in: "header", required: false, schema: { type: "string" } },
];

const slugParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The city's short name, as in its public page's address /p/{slug}.",
  schema: { type: "string" },
};

function read(args: {
  summary: string;
  description: string;
  operationId: string;
  schema: string;
  contentType?: string;
  parameters?: Schema[];
  notFound?: string;
}): Schema {
  return {
    get: {
      summary: args.summary,
      description: args.description,
      operationId: args.operationId,
      parameters: [...(args.parameters ?? []), ...conditionalParameters],
      responses: {
        "200": {
          description: args.summary,
          headers: validatorHeaders,
          content: { [args.contentType ?? "application/json"]: { schema: ref(args.schema) } },
        },
        "304": { description: "The copy the client holds is current.", headers: validatorHeaders },
        ...(args.notFound
          ? {
              "404": {
                description: args.notFound,
                content: { "application/json": { schema: ref("Error") } },
              },
            }
          : {}),
        "429": { $ref: "#/components/responses/TooManyRequests" },
      },
    },
  };
}

const CITY_NOT_FOUND = "No such city, or the city has published nothing here: the two answers are the same.";

/** The whole OpenAPI document, with the server at this origin. */
export function openApiDocument(origin: string): Schema {
  return {
    openapi: "3.1.0",
    info: {
      title: "SCF Workspace open data",
      version: "1.0.0",
      summary: "What cities publish about their smart city programmes under PAS 181, as open data.",
      description:
        "Read-only and public: no sign-in, readable from any origin. Everything here is what a city's leads chose to publish, never a live draft. Answers carry ETag and Last-Modified and answer 304 to a matching If-None-Match or If-Modified-Since.",
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/cities": read({
        summary: "Cities with published data",
        description:
          "Every city with a published public page or procurement pipeline, with links to its endpoints.",
        operationId: "listCities",
        schema: "CityList",
      }),
      "/cities/{slug}": read({
        summary: "A city",
        description: "A city with published data and links to its endpoints.",
        operationId: "getCity",
        schema: "City",
        parameters: [slugParameter],
        notFound: CITY_NOT_FOUND,
      }),
      "/cities/{slug}/roadmap": read({
        summary: "Published roadmap progress",
        description:
          "The roadmap progress of the city's latest publication: done of total per phase, and the items marked public with their status and dates.",
        operationId: "getRoadmap",
        schema: "Roadmap",
        parameters: [slugParameter],
        notFound: `${CITY_NOT_FOUND} Also when the city has published no roadmap progress.`,
      }),
      "/cities/{slug}/publications": read({
        summary: "Publications of the public page",
        description:
          "Every version of the city's public page, newest first, with which sections each changed.",
        operationId: "listPublications",
        schema: "PublicationList",
        parameters: [slugParameter],
        notFound: CITY_NOT_FOUND,
      }),
      "/cities/{slug}/publications/{number}": read({
        summary: "One publication",
        description: "One version of the city's public page, whole, as published.",
        operationId: "getPublication",
        schema: "Publication",
        parameters: [
          slugParameter,
          { name: "number", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        notFound: `${CITY_NOT_FOUND} Also when the city has no publication of that number.`,
      }),
      "/cities/{slug}/pipeline.ocds.json": read({
        summary: "Published procurement pipeline (OCDS)",
        description:
          "Every release of the city's published procurement pipeline, as an OCDS 1.1 release package.",
        operationId: "getReleasePackage",
        schema: "ReleasePackage",
        parameters: [slugParameter],
        notFound: CITY_NOT_FOUND,
      }),
      "/framework.jsonld": read({
        summary: "The Smart City Framework",
        description:
          "The framework's components, clauses, recommendations, principles and success factors as SKOS.",
        operationId: "getFramework",
        schema: "Framework",
        contentType: "application/ld+json",
      }),
      "/openapi.json": {
        get: {
          summary: "This description",
          operationId: "getOpenApi",
          parameters: conditionalParameters,
          responses: {
            "200": {
              description: "The OpenAPI 3.1 description of the API.",
              headers: validatorHeaders,
              content: { "application/json": { schema: { type: "object" } } },
            },
            "304": { description: "The copy the client holds is current.", headers: validatorHeaders },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
    },
    components: {
      schemas,
      responses: {
        TooManyRequests: {
          description: "Too many requests from this address; try again after the time Retry-After gives.",
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
          content: { "application/json": { schema: ref("Error") } },
        },
      },
    },
  };
}
