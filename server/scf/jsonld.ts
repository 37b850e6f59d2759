import {
  CLAUSES,
  COMPONENTS,
  PRINCIPLE_GROUPS,
  PROCESS_AREAS,
  SUCCESS_FACTORS,
  type Clause,
  type PrincipleGroup,
  type SuccessFactor,
} from "../../shared/scf/catalogue";

/**
 * The Smart City Framework as a SKOS concept scheme in JSON-LD, for `/api/v1/framework.jsonld`.
 *
 * Identifiers. The scheme is `<origin>/api/v1/framework` and every concept a fragment of it, named
 * by kind and id: `#component-A`, `#process-area-service`, `#clause-B9`, `#recommendation-B4c`,
 * `#principle-group-A.1`, `#principle-A.1.1`, `#success-factor-1`, `#success-factor-1a`. The kind is
 * part of the name because the framework's own ids overlap: component A and the clause carrying its
 * recommendations are both "A", and a clause with a single unlettered recommendation ("B9") shares
 * its id with that recommendation. The origin is the workspace's configured public origin, never the
 * request's Host header, so the identifiers stay the same for every client and cannot be steered by
 * a request into a shared cache.
 *
 * Notations. For the same reason a notation is a typed literal whose datatype names its system
 * (`#ClauseNotation`, `#RecommendationNotation`, …), as the SKOS reference suggests for notations:
 * "B9" the clause and "B9" the recommendation are different (value, datatype) pairs.
 *
 * Text. Clauses define themselves by the need they answer, with their context as the scope note and
 * their explanation as a note. Numbered or lettered points (a recommendation's items, a principle's
 * points) become one note each, prefixed with their number or letter, so their order survives the
 * unordered values of RDF. The checklist statements of Annex B's sub-factors are notes of their
 * sub-factor rather than concepts: the framework gives them no identifiers, so an IRI minted from
 * a statement's position would change whenever the checklist is reworded, and what a city rates in a
 * health check is the sub-factor the statements describe.
 */

export interface FrameworkCatalogue {
  components: typeof COMPONENTS;
  processAreas: typeof PROCESS_AREAS;
  clauses: readonly Clause[];
  principleGroups: readonly PrincipleGroup[];
  successFactors: readonly SuccessFactor[];
}

/** The catalogue the workspace ships. */
export const FRAMEWORK_CATALOGUE: FrameworkCatalogue = {
  components: COMPONENTS,
  processAreas: PROCESS_AREAS,
  clauses: CLAUSES,
  principleGroups: PRINCIPLE_GROUPS,
  successFactors: SUCCESS_FACTORS,
};

const NOTATION_SYSTEMS = {
  ComponentNotation: "Letter of a component of the Smart City Framework (A to D)",
  ClauseNotation: "Identifier of a clause that carries recommendations (A, B1 to B14, C, D)",
  RecommendationNotation: "Identifier of a recommendation: its clause followed by its letter, if it has one",
  PrincipleNotation: "Number of a principle group or statement of Annex A (A.1, A.1.1)",
  SuccessFactorNotation:
    "Number of a critical success factor of Annex B, with its sub-factor's letter (1, 1a)",
} as const;

type NotationSystem = keyof typeof NOTATION_SYSTEMS;

interface Notation {
  "@value": string;
  "@type": `scf:${NotationSystem}`;
}

interface ConceptNode {
  "@id": string;
  "@type": "Concept";
  notation?: Notation;
  prefLabel: string;
  definition?: string;
  scopeNote?: string;
  note?: string[];
  inScheme: string;
  topConceptOf?: string;
  broader?: string;
  related?: string[];
}

interface SchemeNode {
  "@id": string;
  "@type": "ConceptScheme";
  prefLabel: string;
  definition: string;
  hasTopConcept: string[];
}

interface DatatypeNode {
  "@id": `scf:${NotationSystem}`;
  "@type": "rdfs:Datatype";
  "rdfs:label": string;
}

export interface FrameworkJsonLd {
  "@context": Record<string, string | { "@id": string; "@type": "@id" }>;
  "@graph": (SchemeNode | DatatypeNode | ConceptNode)[];
}

/** The IRI of the framework's concept scheme, under the workspace's origin. */
export function frameworkSchemeIri(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/api/v1/framework`;
}

const reference = (term: string) => ({ "@id": term, "@type": "@id" as const });

function context(schemeIri: string): FrameworkJsonLd["@context"] {
  return {
    "@language": "en-GB",
    skos: "http://www.w3.org/2004/02/skos/core#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    scf: `${schemeIri}#`,
    Concept: "skos:Concept",
    ConceptScheme: "skos:ConceptScheme",
    notation: "skos:notation",
    prefLabel: "skos:prefLabel",
    definition: "skos:definition",
    scopeNote: "skos:scopeNote",
    note: "skos:note",
    inScheme: reference("skos:inScheme"),
    topConceptOf: reference("skos:topConceptOf"),
    hasTopConcept: reference("skos:hasTopConcept"),
    broader: reference("skos:broader"),
    related: reference("skos:related"),
  };
}

const notation = (system: NotationSystem, value: string): Notation => ({
  "@value": value,
  "@type": `scf:${system}`,
});

/** Leaves out a property with no values rather than writing an empty list. */
const someOf = <T>(values: readonly T[] | undefined): T[] | undefined =>
  values && values.length > 0 ? [...values] : undefined;

const componentId = (id: string) => `scf:component-${id}`;
const processAreaId = (id: string) => `scf:process-area-${id}`;
const clauseId = (id: string) => `scf:clause-${id}`;
const principleGroupId = (id: string) => `scf:principle-group-${id}`;

/** The concept scheme of the framework, with `origin` as the base of every identifier. */
export function frameworkJsonLd(origin: string, catalogue = FRAMEWORK_CATALOGUE): FrameworkJsonLd {
  const scheme = frameworkSchemeIri(origin);
  const concept = ({ "@id": id, ...fields }: Omit<ConceptNode, "@type" | "inScheme">): ConceptNode => ({
    "@id": id,
    "@type": "Concept",
    ...fields,
    inScheme: scheme,
  });

  const components = catalogue.components.map((component) =>
    concept({
      "@id": componentId(component.id),
      notation: notation("ComponentNotation", component.id),
      prefLabel: component.title,
      definition: component.summary,
      topConceptOf: scheme,
    }),
  );

  const processAreas = catalogue.processAreas.map((area) =>
    concept({
      "@id": processAreaId(area.id),
      prefLabel: area.title,
      scopeNote: `Guidance notes ${area.clauses} of component B.`,
      broader: componentId("B"),
    }),
  );

  const clauses = catalogue.clauses.flatMap((clause) => [
    concept({
      "@id": clauseId(clause.id),
      notation: notation("ClauseNotation", clause.id),
      prefLabel: clause.title,
      definition: clause.need,
      scopeNote: clause.context,
      note: clause.explanation.length > 0 ? [clause.explanation.join("\n\n")] : undefined,
      broader: clause.area ? processAreaId(clause.area) : componentId(clause.component),
      related: someOf(clause.linkages.map((linkage) => clauseId(linkage.clause))),
    }),
    ...clause.recommendations.map((recommendation) =>
      concept({
        "@id": `scf:recommendation-${recommendation.id}`,
        notation: notation("RecommendationNotation", recommendation.id),
        prefLabel: `Recommendation ${recommendation.id}`,
        definition: recommendation.text,
        note: someOf(recommendation.items?.map((item) => `${item.number}) ${item.text}`)),
        broader: clauseId(clause.id),
      }),
    ),
  ]);

  const principles = catalogue.principleGroups.flatMap((group) => [
    concept({
      "@id": principleGroupId(group.id),
      notation: notation("PrincipleNotation", group.id),
      prefLabel: group.title,
      definition: group.summary,
      broader: componentId("A"),
    }),
    ...group.statements.map((statement) =>
      concept({
        "@id": `scf:principle-${statement.id}`,
        notation: notation("PrincipleNotation", statement.id),
        prefLabel: `Principle ${statement.id}`,
        definition: statement.text,
        note: someOf(statement.points.map((point) => `${point.letter}) ${point.text}`)),
        broader: principleGroupId(group.id),
      }),
    ),
  ]);

  const successFactors = catalogue.successFactors.flatMap((factor) => [
    concept({
      "@id": `scf:success-factor-${factor.number}`,
      notation: notation("SuccessFactorNotation", String(factor.number)),
      prefLabel: factor.title,
      broader: componentId("D"),
    }),
    ...factor.subFactors.map((subFactor) =>
      concept({
        "@id": `scf:success-factor-${subFactor.id}`,
        notation: notation("SuccessFactorNotation", subFactor.id),
        prefLabel: subFactor.title,
        note: someOf(subFactor.statements),
        broader: `scf:success-factor-${factor.number}`,
      }),
    ),
  ]);

  const datatypes = Object.entries(NOTATION_SYSTEMS).map(([system, label]): DatatypeNode => ({
    "@id": `scf:${system as NotationSystem}`,
    "@type": "rdfs:Datatype",
    "rdfs:label": label,
  }));

  return {
    "@context": context(scheme),
    "@graph": [
      {
        "@id": scheme,
        "@type": "ConceptScheme",
        prefLabel: "Smart City Framework (PAS 181)",
        definition:
          "The framework a city's partners use to plan and run a smart city programme together: guiding principles, city-wide governance and delivery processes, benefit realisation and critical success factors.",
        hasTopConcept: components.map((component) => component["@id"]),
      },
      ...datatypes,
      ...components,
      ...processAreas,
      ...clauses,
      ...principles,
      ...successFactors,
    ],
  };
}
