import type { JSONContent } from "@tiptap/core";
import { isAllowedLink } from "../../shared/editor/extensions";

type MarkJSON = NonNullable<JSONContent["marks"]>[number];

/** Marks Markdown can write, outermost first; others (underline) leave their text plain. */
const MARK_ORDER = ["link", "bold", "italic", "strike"] as const;

const DELIMITERS: Record<
  (typeof MARK_ORDER)[number],
  { open: (mark: MarkJSON) => string; close: (mark: MarkJSON) => string }
> = {
  link: { open: () => "[", close: (mark) => `](${linkDestination(String(mark.attrs?.href ?? ""))})` },
  bold: { open: () => "**", close: () => "**" },
  italic: { open: () => "*", close: () => "*" },
  strike: { open: () => "~~", close: () => "~~" },
};

function linkDestination(href: string): string {
  const trimmed = href.trim();
  return /[\s()<>]/.test(trimmed) ? `<${trimmed.replace(/[<>\n]/g, encodeURIComponent)}>` : trimmed;
}

/** Escapes what Markdown would read as syntax anywhere in a line. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, "\\$&").replace(/&(?=#?\w+;)/g, "\\&");
}

/**
 * Makes each line of a paragraph read as text: no indentation (which would make code) and no
 * heading, quote, list or rule marker at its start.
 */
function paragraphLines(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^[ \t]+/, "")
        .replace(/^([#>+\-=]|\d+(?=[.)]))/, (marker: string) =>
          /^\d+$/.test(marker) ? `${marker}\\` : `\\${marker}`,
        ),
    )
    .join("\n");
}

function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${padding}${text}${padding}${fence}`;
}

function writableMarks(node: JSONContent): MarkJSON[] {
  return (node.marks ?? [])
    .filter((mark) => (MARK_ORDER as readonly string[]).includes(mark.type))
    .filter((mark) => mark.type !== "link" || isAllowedLink(String(mark.attrs?.href ?? "")))
    .sort(
      (a, b) =>
        MARK_ORDER.indexOf(a.type as (typeof MARK_ORDER)[number]) -
        MARK_ORDER.indexOf(b.type as (typeof MARK_ORDER)[number]),
    );
}

function sameMark(a: MarkJSON, b: MarkJSON): boolean {
  return a.type === b.type && (a.type !== "link" || a.attrs?.href === b.attrs?.href);
}

/**
 * Inline content with its marks. Marks shared by neighbouring text stay open across them, and
 * spaces at the edge of marked text go outside the delimiters, where Markdown expects them.
 */
function inline(nodes: JSONContent[] = [], lineBreak: string): string {
  let out = "";
  let space = "";
  const open: MarkJSON[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) {
      const mark = open.pop()!;
      out += DELIMITERS[mark.type as keyof typeof DELIMITERS].close(mark);
    }
  };
  for (const original of nodes) {
    // A mention reads as the name it shows.
    const node: JSONContent =
      original.type === "mention"
        ? { type: "text", text: `@${String(original.attrs?.label ?? original.attrs?.id ?? "")}` }
        : original;
    if (node.type === "hardBreak") {
      out += space + lineBreak;
      space = "";
      continue;
    }
    if (node.type !== "text" || !node.text) continue;
    const [, leading = "", core = "", trailing = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text) ?? [];
    if (!core) {
      space += node.text;
      continue;
    }
    const isCode = (node.marks ?? []).some((mark) => mark.type === "code");
    const marks = writableMarks(node);
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) keep++;
    closeTo(keep);
    out += space + leading;
    for (const mark of marks.slice(keep)) {
      out += DELIMITERS[mark.type as keyof typeof DELIMITERS].open(mark);
      open.push(mark);
    }
    out += isCode ? codeSpan(core) : escapeText(core);
    space = trailing;
  }
  closeTo(0);
  return out + space;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line ? prefix + line : line))
    .join("\n");
}

function listItem(marker: string, item: JSONContent): string {
  // A nested list follows its item's text directly, which keeps the list tight.
  const body = (item.content ?? [])
    .map(
      (child, index) =>
        (index === 0 ? "" : child.type?.endsWith("List") ? "\n" : "\n\n") + block(child, "\\\n"),
    )
    .join("");
  const [first = "", ...rest] = body.split("\n");
  const continuation = indent(rest.join("\n"), " ".repeat(marker.length));
  return rest.length > 0 ? `${marker}${first}\n${continuation}` : `${marker}${first}`;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** A GFM table: the first row is its header, as GFM requires one; cells hold one line each. */
function table(node: JSONContent): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).flatMap((cell) => {
      const text = blocks(cell.content ?? [], "\n", "<br>").replace(/\n+/g, "<br>");
      const span = Number(cell.attrs?.colspan ?? 1);
      return [text, ...Array.from({ length: Math.max(0, span - 1) }, () => "")];
    }),
  );
  const width = Math.max(1, ...rows.map((row) => row.length));
  const pad = (row: string[]) => [...row, ...Array.from({ length: width - row.length }, () => "")];
  const [header = [], ...body] = rows;
  return [
    tableRow(pad(header)),
    tableRow(pad([]).map(() => "---")),
    ...body.map((row) => tableRow(pad(row))),
  ].join("\n");
}

function block(node: JSONContent, lineBreak: string): string {
  switch (node.type) {
    case "paragraph":
      return paragraphLines(inline(node.content, lineBreak));
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
      // A heading's trailing hashes would be read as its closing sequence.
      const text = inline(node.content, " ").trim().replace(/#+$/, "\\$&");
      return `${"#".repeat(level)} ${text}`;
    }
    case "blockquote":
      return blocks(node.content ?? [], "\n\n", lineBreak)
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    case "bulletList":
      return (node.content ?? []).map((item) => listItem("- ", item)).join("\n");
    case "orderedList": {
      const start = Number(node.attrs?.start ?? 1);
      return (node.content ?? []).map((item, index) => listItem(`${start + index}. `, item)).join("\n");
    }
    case "taskList":
      return (node.content ?? [])
        .map((item) => listItem(item.attrs?.checked ? "- [x] " : "- [ ] ", item))
        .join("\n");
    case "codeBlock": {
      const text = (node.content ?? []).map((child) => child.text ?? "").join("");
      const longestRun = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longestRun + 1);
      const language = String(node.attrs?.language ?? "").replace(/[^\w+#.-]/g, "");
      return `${fence}${language}\n${text}\n${fence}`;
    }
    case "horizontalRule":
      return "---";
    case "table":
      return table(node);
    default:
      return blocks(node.content ?? [], "\n\n", lineBreak);
  }
}

function blocks(nodes: JSONContent[], separator: string, lineBreak = "\\\n"): string {
  return nodes
    .map((node) => block(node, lineBreak))
    .filter((text) => text !== "")
    .join(separator);
}

/** A document as GitHub-flavoured Markdown, its title first as the top heading. */
export function toMarkdown(title: string, content: JSONContent): string {
  const body = blocks(content.content ?? [], "\n\n");
  const heading = `# ${escapeText(title)}`;
  return `${body ? `${heading}\n\n${body}` : heading}\n`;
}
