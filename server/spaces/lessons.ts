import type { Kysely } from "kysely";
import * as Y from "yjs";
import { findCityById, type City } from "../../db/repositories/cities";
import * as documents from "../../db/repositories/documents";
import * as lessons from "../../db/repositories/lessons";
import type { LessonSummary } from "../../db/repositories/lessons";
import { listLeadsOfCities, listPeopleOfCities } from "../../db/repositories/spaces";
import type { Database } from "../../db/schema";
import { clauseOfRef } from "../../shared/boards/compare";
import { fieldOf, firstIssue } from "../../shared/boards/fields";
import { LESSONS, type Lesson } from "../../shared/boards/lessons";
import { insertRow, newRowId, readBoard, richTextOf } from "../../shared/boards/model";
import { ROADMAP } from "../../shared/boards/roadmap";
import { findCityBoard, readStoredBoard, storeNewBoard } from "../boards/commands";
import { conflict, DomainError, forbidden, notFound, validationError } from "../errors";
import { notify } from "../notifications/notify";
import { can, type Actor } from "../policy";
import type { SpaceDeps, SpaceView } from "./commands";

export type { LessonAdoption, LessonSummary } from "../../db/repositories/lessons";

/** Where a lesson is read: `/s/<space>/lessons/<city>/<row>`. */
export function lessonPath(spaceSlug: string, citySlug: string, rowId: string): string {
  return `/s/${spaceSlug}/lessons/${citySlug}/${encodeURIComponent(rowId)}`;
}

/** The taking-part cities for which the actor may write and adopt lessons: where they edit. */
export function editingCities(actor: Actor, view: SpaceView): string[] {
  return view.cityIds.filter((cityId) => can(actor, "edit", { type: "city", id: cityId }));
}

function requireHub(deps: SpaceDeps) {
  if (!deps.collabHub) throw new DomainError(503, "unavailable", "Lessons cannot be changed right now");
  return deps.collabHub;
}

/** The city's lessons board in the space, made with its first lesson; two first lessons at once get one. */
async function lessonsBoardOf(deps: SpaceDeps, args: { view: SpaceView; city: City; userId: string }) {
  const key = { spaceId: args.view.space.id, cityId: args.city.id };
  const existing = await lessons.findLessonsBoard(deps.db, key);
  if (existing) return existing;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const board = await documents.insertDocument(trx, {
        spaceId: args.view.space.id,
        kind: LESSONS.kind,
        title: `Lessons from ${args.city.name}`,
        createdBy: args.userId,
        ownerCityId: args.city.id,
      });
      await storeNewBoard(trx, { documentId: board.id, kind: "lessons", ydoc: new Y.Doc() });
      return { id: board.id };
    });
  } catch (error) {
    const board = await lessons.findLessonsBoard(deps.db, key);
    if (board) return board;
    throw error;
  }
}

/**
 * Writes a new lesson for one of the writer's cities (an editor or lead there, taking part in the
 * space): a row on the city's lessons board with its title, to be filled in live on its own page.
 * Everyone in the space's other cities is told.
 */
export async function writeLesson(
  deps: SpaceDeps,
  args: { actor: Actor; view: SpaceView; userId: string; userName: string; cityId: string; input: unknown },
): Promise<{ path: string }> {
  const cities = editingCities(args.actor, args.view);
  if (cities.length === 0) throw forbidden("Editors and leads of the taking-part cities write lessons");
  if (!cities.includes(args.cityId))
    throw validationError({ cityId: "Choose a city you edit for" }, "Choose a city you edit for");
  const title = fieldOf(LESSONS, "title").schema.safeParse(
    typeof args.input === "object" && args.input !== null
      ? (args.input as { title?: unknown }).title
      : undefined,
  );
  if (!title.success) throw validationError({ title: firstIssue(title.error) });
  const city = await findCityById(deps.db, { id: args.cityId });
  if (!city) throw notFound("That city does not exist");
  const hub = requireHub(deps);
  const board = await lessonsBoardOf(deps, { view: args.view, city, userId: args.userId });
  const rowId = newRowId();
  await hub.change(board.id, args.userId, (ydoc) => {
    insertRow(ydoc, LESSONS, { id: rowId, values: { title: title.data } });
  });
  await lessons.insertLesson(deps.db, {
    documentId: board.id,
    rowId,
    spaceId: args.view.space.id,
    cityId: city.id,
    createdBy: args.userId,
  });
  const path = lessonPath(args.view.space.slug, city.slug, rowId);
  const readers = await listPeopleOfCities(deps.db, {
    cityIds: args.view.cityIds.filter((cityId) => cityId !== city.id),
  });
  await notify(
    deps,
    readers
      .filter((person) => person.id !== args.userId)
      .map((person) => ({
        userId: person.id,
        kind: "lessonNew" as const,
        text: `${city.name} shared a lesson in ${args.view.space.name}: “${title.data}”.`,
        link: path,
      })),
  ).catch(() => undefined);
  return { path };
}

/** Filters of the lessons list; every one optional. */
export interface LessonFilters {
  q?: string;
  clause?: string;
  theme?: string;
  city?: string;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The words a search matches in a lesson: every written field and its city's name. */
function searchableText(lesson: LessonSummary): string {
  const values = (lesson.values ?? {}) as Lesson;
  return [values.title, values.context, values.need, values.action, values.result, lesson.cityName]
    .map(text)
    .join("\n")
    .toLowerCase();
}

/**
 * The space's lessons that match the filters, newest first: words anywhere in the lesson, a clause
 * (a reference to it or to one of its recommendations), a challenge theme, and the writing city.
 */
export async function findLessons(
  db: Kysely<Database>,
  args: { view: SpaceView; filters: LessonFilters },
): Promise<LessonSummary[]> {
  const { q, clause, theme, city } = args.filters;
  const words = (q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const all = await lessons.listLessonsOfSpace(db, { spaceId: args.view.space.id });
  return all.filter((lesson) => {
    // A lesson's city that has since left the space takes its lessons with it.
    if (!args.view.cityIds.includes(lesson.cityId)) return false;
    const values = (lesson.values ?? {}) as Lesson;
    if (city && lesson.citySlug !== city) return false;
    if (theme && !(values.themes ?? []).some((value) => value === theme)) return false;
    if (clause && !(values.clauses ?? []).some((ref) => ref === clause || clauseOfRef(ref) === clause))
      return false;
    if (words.length > 0) {
      const haystack = searchableText(lesson);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** One lesson of the space, if its city takes part; otherwise it does not exist. */
export async function requireLesson(
  db: Kysely<Database>,
  args: { view: SpaceView; citySlug: string; rowId: string },
): Promise<LessonSummary> {
  const city = args.view.cities.find((candidate) => candidate.slug === args.citySlug);
  const lesson =
    city && args.view.cityIds.includes(city.cityId)
      ? await lessons.findLesson(db, { spaceId: args.view.space.id, cityId: city.cityId, rowId: args.rowId })
      : null;
  if (!lesson) throw notFound("That lesson does not exist");
  if (lesson.values) return lesson;
  // Written a moment ago: the projection has not caught up, the stored board has it.
  const rows = await readStoredBoard(db, lesson.documentId, (ydoc) => readBoard(ydoc, LESSONS));
  return { ...lesson, values: rows.find((row) => row.id === lesson.rowId)?.valid ?? null };
}

/**
 * Marks a lesson useful for a reader of its space (whom `findSpaceForActor` let in), once; marking
 * again takes the mark back. Returns whether it is marked now.
 */
export function markUseful(
  db: Kysely<Database>,
  args: { lesson: LessonSummary; userId: string },
): Promise<boolean> {
  return lessons.toggleMark(db, { ...args.lesson, userId: args.userId });
}

/** Writes the opening of an adopted item's description: where it came from, linked. */
function writeOrigin(fragment: Y.XmlFragment, args: { href: string; linkText: string; after: string }): void {
  const paragraph = new Y.XmlElement("paragraph");
  const line = new Y.XmlText();
  paragraph.insert(0, [line]);
  fragment.insert(fragment.length, [paragraph]);
  line.insert(0, "Adopted from ");
  line.insert(line.length, args.linkText, {
    link: { href: args.href, target: null, rel: "noopener noreferrer nofollow", class: null },
  });
  line.insert(line.length, args.after, { link: null });
}

/**
 * Adds a lesson to a roadmap as a new proposed item in the Plan phase, with the lesson's title and
 * clauses; its description links back to the lesson and says the need it met.
 */
export function insertAdoptedItem(
  ydoc: Y.Doc,
  args: { itemId: string; lesson: Lesson; lessonCityName: string; lessonPath: string; spaceName: string },
): void {
  const { lesson } = args;
  ydoc.transact(() => {
    insertRow(ydoc, ROADMAP, {
      id: args.itemId,
      values: { title: lesson.title, phase: "PLAN", status: "proposed", clauses: lesson.clauses ?? [] },
    });
    const description = richTextOf(ydoc, args.itemId, "description");
    if (!description) return;
    writeOrigin(description, {
      href: args.lessonPath,
      linkText: `${args.lessonCityName}'s lesson “${lesson.title ?? ""}”`,
      after: ` in ${args.spaceName}.`,
    });
    const need = (lesson.need ?? "").trim();
    if (need) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`The need it met there: ${need.replace(/\s*\n\s*/g, " ")}`)]);
      description.insert(description.length, [paragraph]);
    }
  });
}

/**
 * Adopts a lesson into the roadmap of one of the reader's cities (another city than the lesson's, where
 * the reader edits), as one change by the reader that open roadmap pages see at once. The lesson's
 * writer and its city's leads are told.
 */
export async function adoptLesson(
  deps: SpaceDeps,
  args: {
    actor: Actor;
    view: SpaceView;
    lesson: LessonSummary;
    userId: string;
    userName: string;
    cityId: string;
  },
): Promise<{ roadmapPath: string }> {
  const { lesson, view } = args;
  const cities = editingCities(args.actor, view).filter((cityId) => cityId !== lesson.cityId);
  if (cities.length === 0) throw forbidden("Editors and leads of the other taking-part cities adopt lessons");
  if (!cities.includes(args.cityId))
    throw validationError({ cityId: "Choose a city you edit for" }, "Choose a city you edit for");
  const adopted = await lessons.listAdoptions(deps.db, lesson);
  if (adopted.some((adoption) => adoption.cityId === args.cityId))
    throw conflict("Your city has already adopted this lesson", { cityId: "Already in this city's roadmap" });
  const hub = requireHub(deps);
  const rows = await readStoredBoard(deps.db, lesson.documentId, (ydoc) => readBoard(ydoc, LESSONS));
  const values = rows.find((row) => row.id === lesson.rowId)?.valid as Lesson | undefined;
  if (!values?.title) throw conflict("Give the lesson a title before adopting it");
  const [city, lessonCity] = await Promise.all([
    findCityById(deps.db, { id: args.cityId }),
    findCityById(deps.db, { id: lesson.cityId }),
  ]);
  if (!city || !lessonCity) throw notFound("That city does not exist");
  const roadmap = await findCityBoard(deps.db, { cityId: city.id, kind: "roadmap" });
  const path = lessonPath(view.space.slug, lessonCity.slug, lesson.rowId);
  const itemId = newRowId();
  await hub.change(roadmap.id, args.userId, (ydoc) =>
    insertAdoptedItem(ydoc, {
      itemId,
      lesson: values,
      lessonCityName: lessonCity.name,
      lessonPath: path,
      spaceName: view.space.name,
    }),
  );
  await lessons.insertAdoption(deps.db, {
    ...lesson,
    cityId: city.id,
    roadmapRowId: itemId,
    adoptedBy: args.userId,
  });
  const leads = await listLeadsOfCities(deps.db, { cityIds: [lesson.cityId] });
  const told = new Set([
    ...(lesson.createdBy ? [lesson.createdBy] : []),
    ...leads.map((lead) => lead.userId),
  ]);
  told.delete(args.userId);
  await notify(
    deps,
    [...told].map((userId) => ({
      userId,
      kind: "lessonAdopted" as const,
      text: `${args.userName} adopted “${values.title}” into ${city.name}'s roadmap.`,
      link: path,
    })),
  ).catch(() => undefined);
  return { roadmapPath: `/c/${city.slug}/roadmap?item=${encodeURIComponent(itemId)}` };
}
