import fs from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject } from "ajv-draft-04";
import addFormats from "ajv-formats";

const SCHEMAS = path.resolve("test/data/ocds-1.1.5");

const readSchema = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), "utf8")) as Record<string, unknown>;

/** The official OCDS 1.1.5 release package schema (draft-04), with the release schema it refers to. */
function compilePackageSchema() {
  // OCDS annotates its schemas with keywords of its own (codelist, mergeStrategy, …): not rules to check.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(readSchema("release-schema.json"));
  return ajv.compile(readSchema("release-package-schema.json"));
}

let validate: ReturnType<typeof compilePackageSchema> | undefined;

/** The schema's complaints about a release package, one line each; empty when it is valid. */
export function releasePackageErrors(releasePackage: unknown): string[] {
  validate ??= compilePackageSchema();
  if (validate(releasePackage)) return [];
  return (validate.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`,
  );
}
