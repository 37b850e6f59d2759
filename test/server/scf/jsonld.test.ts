import jsonld, { type JsonLdDocument } from "jsonld";
import { describe, expect, it } from "vitest";
import { frameworkJsonLd, FRAMEWORK_CATALOGUE, type FrameworkCatalogue } from "../../../server/scf/jsonld";
import {
  CLAUSES,
  COMPONENTS,
  PRINCIPLE_GROUPS,
  PROCESS_AREAS,
  RECOMMENDATIONS,
  SUCCESS_FACTORS,
  type Clause,
} from "../../../shared/scf/catalogue";

const ORIGIN = "https://workspace.example";
const SCHEME = `${ORIGIN}/api/v1/framework`;
const SKOS = "http://www.w3.org/2004/02/skos/core#";
const iri = (fragment: string) => `${SCHEME}#${fragment}`;

interface ValueObject {
  "@value": string;
  "@type"?: string;
  "@language"?: string;
}

/** A node of the flattened graph: every property expanded to its full IRI, every value in an array. */
type GraphNode = Record<string, unknown> & { "@id": string; "@type"?: string[] };

/** Runs the document through the JSON-LD processor and indexes the flattened graph by node IRI. */
async function graphOf(document: unknown): Promise<Map<string, GraphNode>> {
  const flattened = (await jsonld.flatten(document as JsonLdDocument)) as { "@graph"?: GraphNode[] };
  const nodes = flattened["@graph"] ?? (flattened as unknown as GraphNode[]);
  return new Map(nodes.map((node) => [node["@id"], node]));
}

const ids = (node: GraphNode | undefined, property: string): string[] =>
  ((node?.[SKOS + property] as { "@id": string }[] | undefined) ?? []).map((value) => value["@id"]);

const values = (node: GraphNode | undefined, property: string): ValueObject[] =>
  (node?.[SKOS + property] as ValueObject[] | undefined) ?? [];

const text = (value: string): ValueObject => ({ "@value": value, "@language": "en-gb" });

const isConcept = (node: GraphNode | undefined) => node?.["@type"]?.includes(`${SKOS}Concept`) ?? false;

const concepts = (graph: Map<string, GraphNode>) => [...graph.values()].filter(isConcept);

describe("the framework as SKOS in JSON-LD", () => {
  it("describes every clause as a concept of the scheme, under its component or process area", async () => {
    const graph = await graphOf(frameworkJsonLd(ORIGIN));
    expect(CLAUSES.length).toBeGreaterThan(0);
    for (const clause of CLAUSES) {
      const node = graph.get(iri(`clause-${clause.id}`));
      expect(isConcept(node), clause.id).toBe(true);
      expect(ids(node, "inScheme"), clause.id).toEqual([SCHEME]);
      expect(ids(node, "broader"), clause.id).toEqual([
        clause.area ? iri(`process-area-${clause.area}`) : iri(`component-${clause.component}`),
      ]);
      expect(values(node, "prefLabel"), clause.id).toEqual([text(clause.title)]);
      expect(values(node, "definition"), clause.id).toEqual([text(clause.need)]);
      expect(values(node, "notation"), clause.id).toEqual([
        { "@value": clause.id, "@type": iri("ClauseNotation") },
      ]);
    }
  });

  it("places every recommendation under its clause, with its id as notation and its text as definition", async () => {
    const graph = await graphOf(frameworkJsonLd(ORIGIN));
    expect(RECOMMENDATIONS.length).toBeGreaterThan(0);
    for (const recommendation of RECOMMENDATIONS) {
      const node = graph.get(iri(`recommendation-${recommendation.id}`));
      expect(isConcept(node), recommendation.id).toBe(true);
      expect(ids(node, "inScheme"), recommendation.id).toEqual([SCHEME]);
      expect(ids(node, "broader"), recommendation.id).toEqual([iri(`clause-${recommendation.clause.id}`)]);
      expect(values(node, "notation"), recommendation.id).toEqual([
        { "@value": recommendation.id, "@type": iri("RecommendationNotation") },
      ]);
      expect(values(node, "definition"), recommendation.id).toEqual([text(recommendation.text)]);
      expect(
        values(node, "note")
          .map((note) => note["@value"])
          .sort(),
        recommendation.id,
      ).toEqual((recommendation.items ?? []).map((item) => `${item.number}) ${item.text}`).sort());
    }
  });

  it("relates every clause to each clause it links to", async () => {
    const graph = await graphOf(frameworkJsonLd(ORIGIN));
    const linkages = CLAUSES.flatMap((clause) =>
      clause.linkages.map((linkage) => [clause, linkage] as const),
    );
    expect(linkages.length).toBeGreaterThan(0);
    for (const [clause, linkage] of linkages) {
      expect(ids(graph.get(iri(`clause-${clause.id}`)), "related"), clause.id).toContain(
        iri(`clause-${linkage.clause}`),
      );
    }
  });

  it("gives no two concepts the same notation, and each concept at most one", async () => {
    const graph = await graphOf(frameworkJsonLd(ORIGIN));
    const notations = concepts(graph).flatMap((node) => {
      expect(values(node, "notation").length, node["@id"]).toBeLessThanOrEqual(1);
      return values(node, "notation").map((notation) => `${notation["@type"]} ${notation["@value"]}`);
    });
    expect(new Set(notations).size).toBe(notations.length);
    // Component D, clause D and its unlettered recommendation share the framework's id "D".
    expect(notations).toEqual(
      expect.arrayContaining([
        `${iri("ComponentNotation")} D`,
        `${iri("ClauseNotation")} D`,
        `${iri("RecommendationNotation")} D`,
      ]),
    );
  });

  it("holds the whole catalogue in one scheme with the components as its top concepts", async () => {
    const graph = await graphOf(frameworkJsonLd(ORIGIN));
    const scheme = graph.get(SCHEME);
    expect(scheme?.["@type"]).toEqual([`${SKOS}ConceptScheme`]);
    const components = COMPONENTS.map((component) => iri(`component-${component.id}`));
    expect(ids(scheme, "hasTopConcept").sort()).toEqual([...components].sort());
    for (const component of COMPONENTS) {
      const node = graph.get(iri(`component-${component.id}`));
      expect(ids(node, "topConceptOf")).toEqual([SCHEME]);
      expect(values(node, "prefLabel")).toEqual([text(component.title)]);
    }

    const expected =
      COMPONENTS.length +
      PROCESS_AREAS.length +
      CLAUSES.length +
      RECOMMENDATIONS.length +
      PRINCIPLE_GROUPS.reduce((sum, group) => sum + 1 + group.statements.length, 0) +
      SUCCESS_FACTORS.reduce((sum, factor) => sum + 1 + factor.subFactors.length, 0);
    const all = concepts(graph);
    expect(all).toHaveLength(expected);
    for (const node of all) {
      expect(ids(node, "inScheme"), node["@id"]).toEqual([SCHEME]);
      expect(values(node, "prefLabel"), node["@id"]).toHaveLength(1);
      // Everything but a component hangs from exactly one broader concept, which the scheme defines.
      const broader = ids(node, "broader");
      expect(broader, node["@id"]).toHaveLength(components.includes(node["@id"]) ? 0 : 1);
      for (const target of [...broader, ...ids(node, "related")]) {
        expect(isConcept(graph.get(target)), `${node["@id"]} → ${target}`).toBe(true);
      }
    }
  });

  it("describes Annex A's principles under component A and Annex B's success factors under component D", async () => {
    const graph = await graphOf(frameworkJsonLd(ORIGIN));
    expect(PRINCIPLE_GROUPS.length).toBeGreaterThan(0);
    for (const group of PRINCIPLE_GROUPS) {
      const node = graph.get(iri(`principle-group-${group.id}`));
      expect(ids(node, "broader"), group.id).toEqual([iri("component-A")]);
      expect(values(node, "prefLabel"), group.id).toEqual([text(group.title)]);
      for (const statement of group.statements) {
        const child = graph.get(iri(`principle-${statement.id}`));
        expect(ids(child, "broader"), statement.id).toEqual([iri(`principle-group-${group.id}`)]);
        expect(values(child, "definition"), statement.id).toEqual([text(statement.text)]);
        expect(values(child, "notation"), statement.id).toEqual([
          { "@value": statement.id, "@type": iri("PrincipleNotation") },
        ]);
      }
    }
    expect(SUCCESS_FACTORS.length).toBeGreaterThan(0);
    for (const factor of SUCCESS_FACTORS) {
      const node = graph.get(iri(`success-factor-${factor.number}`));
      expect(ids(node, "broader"), factor.title).toEqual([iri("component-D")]);
      expect(values(node, "prefLabel"), factor.title).toEqual([text(factor.title)]);
      for (const subFactor of factor.subFactors) {
        const child = graph.get(iri(`success-factor-${subFactor.id}`));
        expect(ids(child, "broader"), subFactor.id).toEqual([iri(`success-factor-${factor.number}`)]);
        expect(values(child, "prefLabel"), subFactor.id).toEqual([text(subFactor.title)]);
        // The checklist a city ticks stays with its sub-factor, as notes.
        expect(
          values(child, "note")
            .map((note) => note["@value"])
            .sort(),
          subFactor.id,
        ).toEqual([...subFactor.statements].sort());
      }
    }
  });

  it("names every concept under the origin it is given", async () => {
    const clause: Clause = {
      id: "B9",
      component: "B",
      area: "service",
      title: "Open data",
      context: "Context.",
      need: "Need.",
      explanation: ["First paragraph.", "Second paragraph."],
      recommendations: [{ id: "B9", letter: null, text: "Open the data." }],
      linkages: [],
    };
    const catalogue: FrameworkCatalogue = { ...FRAMEWORK_CATALOGUE, clauses: [clause] };
    const graph = await graphOf(frameworkJsonLd("http://localhost:4000/", catalogue));
    const base = "http://localhost:4000/api/v1/framework";
    expect(concepts(graph).every((node) => node["@id"].startsWith(`${base}#`))).toBe(true);
    expect(ids(graph.get(`${base}#recommendation-B9`), "broader")).toEqual([`${base}#clause-B9`]);
    expect(values(graph.get(`${base}#clause-B9`), "note")).toEqual([
      text("First paragraph.\n\nSecond paragraph."),
    ]);
    expect(graph.get(`${base}#clause-B9`)?.[`${SKOS}related`]).toBeUndefined();
  });
});
