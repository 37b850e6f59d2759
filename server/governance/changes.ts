import { diffWords } from "diff";
import { GOVERNANCE_BOARDS } from "../../shared/boards/governance";
import { PHASES, STATUSES } from "../../shared/boards/roadmap";
import {
  PUBLIC_SECTIONS,
  type PublishedSections,
  type RichSection,
  type SectionKey,
} from "../../shared/publications";

/** A run of words of a text compared across two publications. */
export interface WordChange {
  text: string;
  kind: "added" | "removed" | "same";
}

export interface SectionChanges {
  key: SectionKey;
  label: string;
  /** `added`: not in the earlier publication; `removed`: not in the later one. */
  status: "added" | "removed" | "changed" | "unchanged";
  /** For rich text: the words, with what was added and removed. */
  words: WordChange[] | null;
  /** For registers and figures: the lines that appear only in the later, or only in the earlier, publication. */
  added: string[];
  removed: string[];
}

const label = (options: readonly { value: string; label: string }[], value: string | null) =>
  value ? (options.find((option) => option.value === value)?.label ?? value) : "";

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function day(iso: string): string {
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(time) ? iso : DAY.format(time);
}

/** A register or figure section as lines of plain text, each comparable on its own. */
function linesOf(key: SectionKey, sections: PublishedSections): string[] {
  switch (key) {
    case "leadership":
      return (sections.leadership?.people ?? []).map((person) =>
        [
          person.name,
          [person.role, person.organisation].filter(Boolean).join(", "),
          label(GOVERNANCE_BOARDS, person.board),
          person.responsibility && `responsible for ${person.responsibility}`,
          person.contact && `contact ${person.contact}`,
        ]
          .filter(Boolean)
          .join(" · "),
      );
    case "roadmap": {
      const roadmap = sections.roadmap;
      if (!roadmap) return [];
      return [
        `Overall: ${roadmap.overall.done} of ${roadmap.overall.total} items done`,
        ...roadmap.phases.map((phase) => `${phase.label}: ${phase.done} of ${phase.total} done`),
        ...roadmap.items.map((item) =>
          [item.title, label(PHASES, item.phase), label(STATUSES, item.status)].filter(Boolean).join(" · "),
        ),
      ];
    }
    case "pipeline": {
      const pipeline = sections.pipeline;
      if (!pipeline) return [];
      return [
        `${pipeline.opportunities} ${pipeline.opportunities === 1 ? "opportunity" : "opportunities"} published` +
          (pipeline.lastPublishedAt ? `, the latest on ${day(pipeline.lastPublishedAt)}` : ""),
      ];
    }
    default:
      return [];
  }
}

function richText(section: RichSection | undefined): string {
  return section ? `${section.title}\n${section.text}` : "";
}

/**
 * What changed in each section of a city's public page between two publications: the words of
 * rich text, and the lines of registers and figures added and removed.
 */
export function compareSections(earlier: PublishedSections, later: PublishedSections): SectionChanges[] {
  return PUBLIC_SECTIONS.map(({ key, label: sectionName }) => {
    const before = earlier[key];
    const after = later[key];
    const status =
      before === undefined && after === undefined
        ? "unchanged"
        : before === undefined
          ? "added"
          : after === undefined
            ? "removed"
            : null;
    if (key === "update" || key === "vision" || key === "principles") {
      const from = richText(earlier[key]);
      const to = richText(later[key]);
      const words = diffWords(from, to).map((part): WordChange => ({
        text: part.value,
        kind: part.added ? "added" : part.removed ? "removed" : "same",
      }));
      return {
        key,
        label: sectionName,
        status: status ?? (from === to ? "unchanged" : "changed"),
        words,
        added: [],
        removed: [],
      };
    }
    const fromLines = linesOf(key, earlier);
    const toLines = linesOf(key, later);
    const added = toLines.filter((line) => !fromLines.includes(line));
    const removed = fromLines.filter((line) => !toLines.includes(line));
    return {
      key,
      label: sectionName,
      status: status ?? (added.length === 0 && removed.length === 0 ? "unchanged" : "changed"),
      words: null,
      added,
      removed,
    };
  });
}
