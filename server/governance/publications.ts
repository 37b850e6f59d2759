import type { JSONContent } from "@tiptap/core";
import type { Kysely } from "kysely";
import { findCityBySlug, type City } from "../../db/repositories/cities";
import * as publications from "../../db/repositories/publications";
import type { PublicationRecord } from "../../db/repositories/publications";
import { findUserById } from "../../db/repositories/users";
import type { Database } from "../../db/schema";
import { LEADERSHIP, type Leader } from "../../shared/boards/governance";
import { readBoard } from "../../shared/boards/model";
import { roadmapProgress, type Phase, type RoadmapItem, type Status } from "../../shared/boards/roadmap";
import { UUID_PATTERN } from "../../shared/documents";
import {
  isSectionKey,
  PUBLIC_SECTIONS,
  type LeadershipSection,
  type PipelineSection,
  type PublishedSections,
  type RichSection,
  type RoadmapSection,
  type SectionKey,
} from "../../shared/publications";
import { findCityBoard, readRoadmap, readStoredBoard } from "../boards/commands";
import { loadDocumentContent } from "../documents/content";
import { toSafeHtml } from "../documents/export";
import { notFound, validationError } from "../errors";
import { VersionedCache } from "../open-data/answer";
import { listPublished } from "../procurement/publishing";

/** A publication as the public and the lead read it. */
export interface Publication {
  number: number;
  publisherName: string;
  publishedAt: Date;
  sections: PublishedSections;
  /** The sections this publication changed or added; the others were carried over as they were. */
  republished: SectionKey[];
}

function toPublication(record: PublicationRecord): Publication {
  return {
    number: record.number,
    publisherName: record.publisherName,
    publishedAt: record.publishedAt,
    sections: record.sections as PublishedSections,
    republished: record.republished.filter(isSectionKey),
  };
}

const INLINE = new Set(["text", "hardBreak", "mention"]);

/** The words of ProseMirror content, a line per paragraph, heading or cell: what comparisons read. */
function textOf(content: JSONContent): string {
  const lines: string[] = [];
  const visit = (node: JSONContent) => {
    const children = node.content ?? [];
    if (children.length > 0 && children.every((child) => INLINE.has(child.type ?? ""))) {
      lines.push(
        children
          .map((child) =>
            child.type === "text"
              ? (child.text ?? "")
              : child.type === "hardBreak"
                ? "\n"
                : `@${String(child.attrs?.label ?? "")}`,
          )
          .join(""),
      );
      return;
    }
    for (const child of children) visit(child);
  };
  visit(content);
  return lines.join("\n");
}

/**
 * Moves a document's headings two levels down, below the page's own title and section headings,
 * so the public page keeps one outline. Sanitised HTML has no attributes on headings.
 */
function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])>/g, (_tag, close: string, level: string) => {
    return `<${close}h${Math.min(Number(level) + 2, 6)}>`;
  });
}

async function richSection(
  db: Kysely<Database>,
  document: { id: string; title: string },
): Promise<RichSection> {
  const content = await loadDocumentContent(db, { documentId: document.id });
  return { title: document.title, html: demoteHeadings(toSafeHtml(content)), text: textOf(content) };
}

async function starterSection(
  db: Kysely<Database>,
  cityId: string,
  kind: "vision" | "principles",
): Promise<RichSection | null> {
  const document = await publications.findFirstDocumentOfKind(db, { cityId, kind });
  return document ? richSection(db, document) : null;
}

async function leadershipSection(db: Kysely<Database>, cityId: string): Promise<LeadershipSection> {
  const board = await findCityBoard(db, { cityId, kind: "leadership" });
  const rows = await readStoredBoard(db, board.id, (ydoc) => readBoard(ydoc, LEADERSHIP));
  const people = rows.flatMap((row) => {
    const leader = row.valid as Leader;
    if (leader.public !== true || !leader.name) return [];
    return [
      {
        name: leader.name,
        role: leader.role ?? "",
        organisation: leader.organisation ?? "",
        board: leader.board ?? "other",
        responsibility: leader.responsibility ?? "",
        contact: leader.contact ?? "",
      },
    ];
  });
  return { people };
}

async function roadmapSection(db: Kysely<Database>, cityId: string): Promise<RoadmapSection> {
  const rows = await readRoadmap(db, { cityId });
  const items = rows.map((row) => ({ ...row.valid, id: row.id }) as RoadmapItem);
  const progress = roadmapProgress(items);
  return {
    overall: { done: progress.overall.done, total: progress.overall.total },
    phases: progress.phases.map((phase) => ({
      phase: phase.phase,
      label: phase.label,
      done: phase.done,
      total: phase.total,
    })),
    items: rows.flatMap((row) => {
      const item = { ...row.valid, id: row.id } as RoadmapItem;
      if (item.public !== true || !item.title) return [];
      return [
        {
          id: row.id,
          title: item.title,
          phase: (item.phase ?? null) as Phase | null,
          status: (item.status ?? null) as Status | null,
          start: item.start ?? null,
          end: item.end ?? null,
        },
      ];
    }),
  };
}

async function pipelineSection(db: Kysely<Database>, cityId: string): Promise<PipelineSection> {
  const published = await listPublished(db, { cityId });
  const latest = published.reduce<Date | null>(
    (last, opportunity) => (last && last >= opportunity.publishedAt ? last : opportunity.publishedAt),
    null,
  );
  return { opportunities: published.length, lastPublishedAt: latest?.toISOString() ?? null };
}

/** The page the city could publish now, for each section asked for that has something to show. */
async function renderSections(
  db: Kysely<Database>,
  args: { cityId: string; keys: readonly SectionKey[]; update: { id: string; title: string } | null },
): Promise<PublishedSections> {
  const sections: PublishedSections = {};
  for (const key of args.keys) {
    switch (key) {
      case "update":
        if (args.update) sections.update = await richSection(db, args.update);
        break;
      case "vision":
      case "principles": {
        const section = await starterSection(db, args.cityId, key);
        if (section) sections[key] = section;
        break;
      }
      case "leadership":
        sections.leadership = await leadershipSection(db, args.cityId);
        break;
      case "roadmap":
        sections.roadmap = await roadmapSection(db, args.cityId);
        break;
      case "pipeline":
        sections.pipeline = await pipelineSection(db, args.cityId);
        break;
    }
  }
  return sections;
}

/** JSON with object keys sorted, so content read back from jsonb compares equal to content built anew. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function sameSection(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** Runs `work` in a transaction, or in the caller's when there is one (the demo seed). */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

async function requireUpdatePage(
  db: Kysely<Database>,
  cityId: string,
  documentId: string | null,
): Promise<{ id: string; title: string }> {
  const pages = await publications.listPagesOfCity(db, { cityId });
  const page = documentId && UUID_PATTERN.test(documentId) ? pages.find((p) => p.id === documentId) : null;
  if (!page) {
    const message = documentId
      ? "That page is not one of the city's pages"
      : "Choose the page that holds the progress update";
    throw validationError({ update: message }, message);
  }
  return page;
}

export interface PublishResult {
  /** The new publication; null when the chosen sections read exactly as last published. */
  publication: Publication | null;
  /** Sections asked for that had nothing to publish, such as a vision that was archived. */
  missing: SectionKey[];
}

/**
 * Publishes the chosen sections of the city's public page as they read now: each is rendered from
 * the stored documents and boards (rich text sanitised), and stored with the sections not chosen
 * carried over from the last publication, as the city's next numbered publication. Nothing is
 * stored when the chosen sections read as last published. The caller has checked that the user may
 * publish for the city.
 */
export async function publishCityPage(
  db: Kysely<Database>,
  args: {
    cityId: string;
    userId: string | null;
    sections: readonly unknown[];
    /** The page (a document of kind page) whose text is the progress update. */
    updateDocumentId?: string | null;
    now?: Date;
  },
): Promise<PublishResult> {
  const keys = PUBLIC_SECTIONS.map((section) => section.key).filter((key) => args.sections.includes(key));
  if (keys.length === 0)
    throw validationError(
      { sections: "Choose at least one part of the page to publish" },
      "Choose at least one part of the page to publish",
    );
  const update = keys.includes("update")
    ? await requireUpdatePage(db, args.cityId, args.updateDocumentId ?? null)
    : null;
  const publisher = args.userId ? await findUserById(db, { id: args.userId }) : null;
  return inTransaction(db, async (trx): Promise<PublishResult> => {
    if (!(await publications.lockCityForPublication(trx, { cityId: args.cityId })))
      throw notFound("This city does not exist");
    const previous = await publications.findLatestPublication(trx, { cityId: args.cityId });
    const fresh = await renderSections(trx, { cityId: args.cityId, keys, update });
    const missing = keys.filter((key) => fresh[key] === undefined);
    const carried = (previous?.sections ?? {}) as PublishedSections;
    const sections: PublishedSections = { ...carried, ...fresh };
    // Only what reads differently counts as published anew, so each section's date is when it last changed.
    const republished = keys.filter(
      (key) => fresh[key] !== undefined && !(key in carried && sameSection(carried[key], fresh[key])),
    );
    if (republished.length === 0) return { publication: null, missing };
    const now = args.now ?? new Date();
    const publishedAt =
      previous && previous.publishedAt.getTime() >= now.getTime()
        ? new Date(previous.publishedAt.getTime() + 1)
        : now;
    const record = await publications.insertPublication(trx, {
      cityId: args.cityId,
      number: (previous?.number ?? 0) + 1,
      publishedBy: args.userId,
      publisherName: publisher?.name ?? "The city's team",
      publishedAt,
      sections: sections as Record<string, unknown>,
      republished,
    });
    return { publication: toPublication(record), missing };
  });
}

/** Where one section of the page stands against the city's documents and boards now. */
export type SectionState = "unpublished" | "published" | "changed" | "unavailable";

export interface PublishingStatus {
  latest: { number: number; publisherName: string; publishedAt: Date } | null;
  sections: { key: SectionKey; label: string; state: SectionState }[];
  /** The city's pages, any of which may be published as the progress update. */
  pages: { id: string; title: string }[];
  /** The page last published as the progress update, if it is still one of the city's pages. */
  updatePageTitle: string | null;
}

/** The latest publication and, for each section, whether it changed since it was published. */
export async function publishingStatus(
  db: Kysely<Database>,
  args: { cityId: string },
): Promise<PublishingStatus> {
  const previous = await publications.findLatestPublication(db, { cityId: args.cityId });
  const published = (previous?.sections ?? {}) as PublishedSections;
  const pages = await publications.listPagesOfCity(db, { cityId: args.cityId });
  const fresh = await renderSections(db, {
    cityId: args.cityId,
    keys: ["vision", "principles", "leadership", "roadmap", "pipeline"],
    update: null,
  });
  const sections = PUBLIC_SECTIONS.map(({ key, label }) => {
    let state: SectionState;
    if (key === "update") state = published.update ? "published" : "unpublished";
    else if (fresh[key] === undefined) state = "unavailable";
    else if (published[key] === undefined) state = "unpublished";
    else state = sameSection(published[key], fresh[key]) ? "published" : "changed";
    return { key, label, state };
  });
  return {
    latest: previous
      ? { number: previous.number, publisherName: previous.publisherName, publishedAt: previous.publishedAt }
      : null,
    sections,
    pages: pages.map((page) => ({ id: page.id, title: page.title })),
    updatePageTitle: published.update?.title ?? null,
  };
}

export interface PublicPage {
  city: City;
  publication: Publication;
  /** When each section shown was last changed by a publication. */
  sectionDates: Partial<Record<SectionKey, Date>>;
}

/** Each city's public page as last read, valid while its latest publication stays the latest. */
const publicPages = new VersionedCache<Omit<PublicPage, "city">>();

/**
 * A city's public page by the city's slug: null for an unknown city or one that has published
 * nothing. One small read finds the latest publication's number; the page is read whole only when
 * that number is new to this process.
 */
export async function findPublicPage(
  db: Kysely<Database>,
  args: { slug: string },
): Promise<PublicPage | null> {
  const found = await publications.findCityWithLatestNumber(db, { slug: args.slug });
  if (!found || found.latestNumber === null) return null;
  const { city } = found;
  const page = await publicPages.get(city.id, String(found.latestNumber), async () => {
    const latest = await publications.findPublication(db, { cityId: city.id, number: found.latestNumber! });
    const sectionDates: Partial<Record<SectionKey, Date>> = {};
    for (const record of await publications.listPublications(db, { cityId: city.id })) {
      for (const key of record.republished.filter(isSectionKey)) sectionDates[key] ??= record.publishedAt;
    }
    return { publication: toPublication(latest!), sectionDates };
  });
  return { city, ...page };
}

/** The city's publications, newest first, without their content: null for a city that has published nothing. */
export async function findPublicationHistory(
  db: Kysely<Database>,
  args: { slug: string },
): Promise<{ city: City; publications: Omit<Publication, "sections">[] } | null> {
  const city = await findCityBySlug(db, { slug: args.slug });
  if (!city) return null;
  const list = await publications.listPublications(db, { cityId: city.id });
  if (list.length === 0) return null;
  return {
    city,
    publications: list.map((record) => ({
      number: record.number,
      publisherName: record.publisherName,
      publishedAt: record.publishedAt,
      republished: record.republished.filter(isSectionKey),
    })),
  };
}

/** One publication of a city, by its number. */
export async function findPublication(
  db: Kysely<Database>,
  args: { cityId: string; number: number },
): Promise<Publication | null> {
  if (!Number.isSafeInteger(args.number) || args.number < 1) return null;
  const record = await publications.findPublication(db, args);
  return record ? toPublication(record) : null;
}

export { listPublishedCities, type PublishedCity } from "../../db/repositories/publications";
