import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "../../../server/documents/markdown";

type MarkSpec = { type: string; attrs?: Record<string, unknown> };
const text = (value: string, ...marks: MarkSpec[]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks.length > 0 ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const item = (type: string, ...content: JSONContent[]): JSONContent => ({ type, content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const link = (href: string): MarkSpec => ({ type: "link", attrs: { href } });

describe("Markdown export", () => {
  it("writes every node type of the editor", () => {
    const markdown = toMarkdown(
      "Transport plan",
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Our themes")] },
        paragraph(
          text("Plain, "),
          text("bold ", { type: "bold" }),
          text("and both", { type: "bold" }, { type: "italic" }),
          text(", "),
          text("struck", { type: "strike" }),
          text(", "),
          text("a.b()", { type: "code" }),
          text(" and "),
          text("a link", link("https://example.org/plan")),
          text("."),
        ),
        item(
          "bulletList",
          item(
            "listItem",
            paragraph(text("Buses")),
            item("bulletList", item("listItem", paragraph(text("Night routes")))),
          ),
          item("listItem", paragraph(text("Trams"))),
        ),
        { type: "orderedList", attrs: { start: 3 }, content: [item("listItem", paragraph(text("Third")))] },
        {
          type: "taskList",
          content: [
            { type: "taskItem", attrs: { checked: true }, content: [paragraph(text("Consult"))] },
            { type: "taskItem", attrs: { checked: false }, content: [paragraph(text("Publish"))] },
          ],
        },
        item("blockquote", paragraph(text("Cities are for people."))),
        { type: "horizontalRule" },
        {
          type: "table",
          content: [
            item(
              "tableRow",
              item("tableHeader", paragraph(text("Project"))),
              item("tableHeader", paragraph(text("Lead"))),
            ),
            item(
              "tableRow",
              item("tableCell", paragraph(text("Parks | green"))),
              item("tableCell", paragraph(text("Amara")), paragraph(text("Ben"))),
            ),
          ],
        },
        paragraph(text("Line one"), { type: "hardBreak" }, text("line two")),
      ),
    );
    expect(markdown).toBe(
      [
        "# Transport plan",
        "",
        "## Our themes",
        "",
        "Plain, **bold *and both***, ~~struck~~, `a.b()` and [a link](https://example.org/plan).",
        "",
        "- Buses",
        "  - Night routes",
        "- Trams",
        "",
        "3. Third",
        "",
        "- [x] Consult",
        "- [ ] Publish",
        "",
        "> Cities are for people.",
        "",
        "---",
        "",
        "| Project | Lead |",
        "| --- | --- |",
        "| Parks \\| green | Amara<br>Ben |",
        "",
        "Line one\\",
        "line two",
        "",
      ].join("\n"),
    );
  });

  it("writes a mention as the name it shows", () => {
    const mention: JSONContent = { type: "mention", attrs: { id: "u-1", label: "Chloe Davies" } };
    expect(toMarkdown("Notes", doc(paragraph(text("Ask "), mention, text(" first."))))).toBe(
      ["# Notes", "", "Ask @Chloe Davies first.", ""].join("\n"),
    );
  });

  it("escapes text that Markdown would read as syntax", () => {
    const markdown = toMarkdown(
      "Costs <draft>",
      doc(
        paragraph(text("# not a heading")),
        paragraph(text("1. not a list, 5 * 3 and [brackets] and <b>tags</b>")),
        paragraph(text("    not code")),
      ),
    );
    expect(markdown).toBe(
      [
        "# Costs \\<draft\\>",
        "",
        "\\# not a heading",
        "",
        "1\\. not a list, 5 \\* 3 and \\[brackets\\] and \\<b\\>tags\\</b\\>",
        "",
        "not code",
        "",
      ].join("\n"),
    );
  });

  it("keeps the text of links to anything but http, https and mailto, and drops the link", () => {
    const markdown = toMarkdown(
      "Links",
      doc(
        paragraph(
          text("bad", link("javascript:alert(1)")),
          text(" "),
          text("mail", link("mailto:team@example.org")),
          text(" "),
          text("odd", link("https://example.org/a (b)")),
        ),
      ),
    );
    expect(markdown).toBe(
      "# Links\n\nbad [mail](mailto:team@example.org) [odd](<https://example.org/a (b)>)\n",
    );
  });

  it("fences code that holds backticks with a longer fence", () => {
    const markdown = toMarkdown(
      "Code",
      doc(
        { type: "codeBlock", attrs: { language: "ts" }, content: [text("const fence = '```';")] },
        paragraph(text("run `npm test`", { type: "code" })),
      ),
    );
    expect(markdown).toBe("# Code\n\n````ts\nconst fence = '```';\n````\n\n`` run `npm test` ``\n");
  });
});
