import fs from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishCityPage } from "../../../server/governance/publications";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { startTestWorkspace } from "../../support/http";
import { buildPage, paragraphs, writeStarter } from "../governance/support";
import { buildPublishingCity } from "../open-data/support";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

interface OpenApiDocument {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: Operation }>;
}

async function fetchDocument(): Promise<OpenApiDocument> {
  const response = await fetch(`${workspace.url}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

/** The API paths the route modules serve, in the document's notation (`/cities/{slug}`). */
function servedPaths(): string[] {
  return fs
    .readdirSync("app/routes")
    .filter((file) => file.startsWith("api.v1."))
    .map((file) =>
      file
        .replace(/^api\.v1\./, "")
        .replace(/\.ts$/, "")
        .replace(/\._index$|^_index$/, "")
        .replaceAll("[.]", "\u0000")
        .split(".")
        .map((segment) => (segment.startsWith("$") ? `{${segment.slice(1)}}` : segment))
        .join("/")
        .replaceAll("\u0000", "."),
    )
    .map((path) => `/${path}`)
    .sort();
}

describe("the OpenAPI description", () => {
  it("is a valid OpenAPI 3.1 document describing every endpoint of /api/v1", async () => {
    const document = await fetchDocument();
    const validator = new Validator();
    const result = await validator.validate({ ...document });
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(document.servers).toEqual([{ url: `${workspace.services.config.publicOrigin}/api/v1` }]);
    expect(Object.keys(document.paths).sort()).toEqual(servedPaths());
  });

  it("declares response schemas that the real answers of every endpoint match", async () => {
    const { db } = database.handle;
    const { city, members } = await buildPublishingCity(db, { slug: "ashby", pipeline: true });
    await writeStarter(db, city.id, "principles", paragraphs("Open by default."));
    const update = await buildPage(db, city.id, "Spring update", paragraphs("Forty datasets are open."));
    await publishCityPage(db, {
      cityId: city.id,
      userId: members.lead.id,
      sections: ["update", "principles", "pipeline"],
      updateDocumentId: update,
    });
    const document = await fetchDocument();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: "openapi.json" });

    const answers: [template: string, path: string, status: string][] = [
      ["/cities", "/cities", "200"],
      ["/cities/{slug}", "/cities/ashby", "200"],
      ["/cities/{slug}", "/cities/no-such-city", "404"],
      ["/cities/{slug}/roadmap", "/cities/ashby/roadmap", "200"],
      ["/cities/{slug}/publications", "/cities/ashby/publications", "200"],
      ["/cities/{slug}/publications/{number}", "/cities/ashby/publications/1", "200"],
      ["/cities/{slug}/publications/{number}", "/cities/ashby/publications/2", "200"],
      ["/cities/{slug}/publications/{number}", "/cities/ashby/publications/3", "404"],
      ["/cities/{slug}/pipeline.ocds.json", "/cities/ashby/pipeline.ocds.json", "200"],
      ["/framework.jsonld", "/framework.jsonld", "200"],
      ["/openapi.json", "/openapi.json", "200"],
    ];
    for (const [template, path, status] of answers) {
      const response = await fetch(`${workspace.url}/api/v1${path}`);
      expect(String(response.status), path).toBe(status);
      const contentType = response.headers.get("content-type")!.split(";")[0]!;
      const declared = document.paths[template]!.get.responses[status]!.content?.[contentType];
      expect(declared, `${path}: ${status} ${contentType} is declared`).toBeDefined();
      const validate = declared!.schema.$ref
        ? ajv.getSchema(`openapi.json${declared!.schema.$ref}`)!
        : ajv.compile(declared!.schema);
      const valid = validate(await response.json());
      expect(validate.errors ?? [], path).toEqual([]);
      expect(valid, path).toBe(true);
    }
  });
});
