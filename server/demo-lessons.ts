import type { Transaction } from "kysely";
import * as Y from "yjs";
import * as discussions from "../db/repositories/discussions";
import { findCityById } from "../db/repositories/cities";
import { insertDocument } from "../db/repositories/documents";
import * as lessons from "../db/repositories/lessons";
import { insertShare } from "../db/repositories/roadmap-shares";
import type { SharedSpace } from "../db/repositories/spaces";
import type { Database } from "../db/schema";
import type { Lesson } from "../shared/boards/lessons";
import { LESSONS } from "../shared/boards/lessons";
import { insertRow, newRowId } from "../shared/boards/model";
import { changeStoredBoard, findCityBoard, storeNewBoard } from "./boards/commands";
import { insertAdoptedItem, lessonPath } from "./spaces/lessons";

type People = ReadonlyMap<string, { userId: string; cityId: string }>;

interface DemoLesson {
  key: string;
  city: string;
  lesson: Required<Lesson>;
}

const DEMO_LESSONS: DemoLesson[] = [
  {
    key: "dimming",
    city: "brackenford",
    lesson: {
      title: "Trial night-time dimming on two estates before dimming the whole city",
      context:
        "Brackenford had just changed 9,000 sodium street lights for LED lanterns that can be dimmed from one control room.\nThe council had promised a cut in energy use and carbon.",
      need: "Save energy after midnight without people feeling less safe walking home, and without a storm of complaints that would stop the programme.",
      action:
        "We dimmed to half brightness between 00:30 and 05:30 on two estates for three months, after a leaflet and a public map of what would dim and when.\nBus stops, crossings and the main footpaths stayed at full brightness. A feedback line and a 'full brightness, please' form were open throughout.",
      result:
        "Lighting energy on the trial streets fell by 38%. Complaints went from 11 in the first month to one in the third; reported crime did not change. The cabinet approved city-wide dimming on the trial's figures.",
      clauses: ["B4b", "B5", "C"],
      themes: ["climate", "energy", "budgets"],
      contact: "streetlighting@brackenford.example",
    },
  },
  {
    key: "catalogue",
    city: "aldermoor",
    lesson: {
      title: "List the data you hold before you build a portal for it",
      context:
        "Aldermoor wanted an open data portal. Each service kept its own spreadsheets and databases, and nobody could say what the council held.",
      need: "Partners and start-ups asked for data we could not find ourselves; a portal with nothing known to put in it would have been an empty shop window.",
      action:
        "A six-week inventory with one person from each service: every dataset, its owner, whether it held personal data, and a proposed licence. Open by default unless there was a reason written down. Each dataset got a star rating for how open it is.",
      result:
        "212 datasets listed, 64 published openly in the first quarter. Two local firms built services on the bus punctuality data. The inventory now feeds the asset register.",
      clauses: ["B9", "B13", "B7"],
      themes: ["prosperity", "jobs", "service-needs"],
      contact: "opendata@aldermoor.example",
    },
  },
  {
    key: "residents-board",
    city: "aldermoor",
    lesson: {
      title: "Give residents seats on the programme board, not only a consultation",
      context:
        "Aldermoor's first smart city plan was written by officers and suppliers and consulted on afterwards.",
      need: "People in the east of the city, where digital exclusion is highest, said the plan had been done to them.",
      action:
        "Two seats on the programme board for residents chosen by the neighbourhood forums, paid for their time, with papers in plain English a week ahead.",
      result:
        "The board moved money from a sensor network to free public wifi and help with devices. Turnout at neighbourhood sessions doubled in a year.",
      clauses: ["B3", "B4a", "A"],
      themes: ["health-inequality", "service-needs"],
      contact: "smartcity@aldermoor.example",
    },
  },
];

const LESSON_THREAD = {
  lesson: "dimming",
  title: "How did you run the feedback line out of hours?",
  posts: [
    {
      by: "aldermoor",
      body: "Did the feedback line run at night, when people actually notice the dimming? We cannot staff a phone line after midnight.",
    },
    {
      by: "brackenford",
      body: "It was a web form and voicemail, answered the next morning. What mattered more was the map: most calls were about which streets would dim.",
    },
  ],
} as const;

const HOUR_MS = 60 * 60 * 1000;

/**
 * The network's lessons: two from Aldermoor and one from Brackenford, a discussion about dimming
 * street lights, readers who found them useful, and Brackenford's dimming trial adopted into
 * Aldermoor's roadmap. Aldermoor and Brackenford share their roadmaps with the network, so each can
 * read and compare the other's.
 */
export async function seedDemoLessons(
  trx: Transaction<Database>,
  args: { network: SharedSpace; leads: People },
): Promise<void> {
  const { network, leads } = args;
  const written = new Map<
    string,
    { documentId: string; rowId: string; citySlug: string; cityName: string }
  >();
  for (const citySlug of new Set(DEMO_LESSONS.map((entry) => entry.city))) {
    const lead = leads.get(citySlug);
    const city = lead ? await findCityById(trx, { id: lead.cityId }) : null;
    if (!lead || !city) continue;
    const board = await insertDocument(trx, {
      spaceId: network.id,
      kind: LESSONS.kind,
      title: `Lessons from ${city.name}`,
      createdBy: lead.userId,
      ownerCityId: city.id,
    });
    const ydoc = new Y.Doc();
    const entries = DEMO_LESSONS.filter((entry) => entry.city === citySlug);
    for (const entry of entries) {
      const rowId = insertRow(ydoc, LESSONS, { id: newRowId(), values: entry.lesson });
      written.set(entry.key, { documentId: board.id, rowId, citySlug, cityName: city.name });
    }
    await storeNewBoard(trx, { documentId: board.id, kind: "lessons", ydoc });
    for (const [index, entry] of entries.entries()) {
      const lesson = written.get(entry.key)!;
      await lessons.insertLesson(trx, {
        documentId: lesson.documentId,
        rowId: lesson.rowId,
        spaceId: network.id,
        cityId: city.id,
        createdBy: lead.userId,
      });
      // Written a few days apart, the first the longest ago.
      await trx
        .updateTable("lessons")
        .set({ created_at: new Date(Date.now() - (entries.length - index) * 40 * HOUR_MS) })
        .where("document_id", "=", lesson.documentId)
        .where("row_id", "=", lesson.rowId)
        .execute();
    }
  }

  const dimming = written.get(LESSON_THREAD.lesson);
  const asker = leads.get(LESSON_THREAD.posts[0].by);
  if (!dimming || !asker) return;
  const thread = await discussions.insertThread(trx, {
    spaceId: network.id,
    documentId: dimming.documentId,
    rowId: dimming.rowId,
    title: LESSON_THREAD.title,
    createdBy: asker.userId,
  });
  for (const [index, post] of LESSON_THREAD.posts.entries()) {
    const author = leads.get(post.by);
    if (!author) continue;
    await discussions.insertPost(trx, {
      threadId: thread.id,
      authorId: author.userId,
      cityId: author.cityId,
      body: post.body,
      createdAt: new Date(Date.now() - (LESSON_THREAD.posts.length - index) * 3 * HOUR_MS),
    });
  }

  const marks: [string, string][] = [
    ["dimming", "aldermoor"],
    ["dimming", "castlebridge"],
    ["catalogue", "brackenford"],
  ];
  for (const [key, by] of marks) {
    const lesson = written.get(key);
    const person = leads.get(by);
    if (lesson && person) await lessons.toggleMark(trx, { ...lesson, userId: person.userId });
  }

  const aldermoor = leads.get("aldermoor");
  const brackenford = leads.get("brackenford");
  if (!aldermoor || !brackenford) return;
  const roadmap = await findCityBoard(trx, { cityId: aldermoor.cityId, kind: "roadmap" });
  const itemId = newRowId();
  const dimmingLesson = DEMO_LESSONS.find((entry) => entry.key === "dimming")!.lesson;
  await changeStoredBoard(trx, {
    documentId: roadmap.id,
    kind: "roadmap",
    change: (ydoc) =>
      insertAdoptedItem(ydoc, {
        itemId,
        lesson: dimmingLesson,
        lessonCityName: dimming.cityName,
        lessonPath: lessonPath(network.slug, dimming.citySlug, dimming.rowId),
        spaceName: network.name,
      }),
  });
  await lessons.insertAdoption(trx, {
    ...dimming,
    cityId: aldermoor.cityId,
    roadmapRowId: itemId,
    adoptedBy: aldermoor.userId,
  });

  for (const city of [aldermoor, brackenford])
    await insertShare(trx, {
      cityId: city.cityId,
      target: { type: "space", spaceId: network.id },
      sharedBy: city.userId,
    });
}
