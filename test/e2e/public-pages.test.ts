import fs from "node:fs";
import { createRequire } from "node:module";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { findCityBySlug } from "../../db/repositories/cities";
import { findFirstDocumentOfKind, listPagesOfCity } from "../../db/repositories/publications";
import { findCityBoard } from "../../server/boards/commands";
import { documentSchema } from "../../server/documents/content";
import { publishCityPage } from "../../server/governance/publications";
import { LEADERSHIP } from "../../shared/boards/governance";
import { insertRow } from "../../shared/boards/model";
import { EDITOR_FRAGMENT } from "../../shared/editor/fragment";
import { expectHeading, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

interface AxeResults {
  violations: AxeViolation[];
  passes: unknown[];
}

/** The WCAG A and AA violations axe finds on the page, one readable line per element. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const { violations, passes } = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return { violations, passes: passes.length };
  }, WCAG_TAGS);
  // A run that checked nothing would report no violations too.
  expect(results.passes).toBeGreaterThan(10);
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "?"}): ${violation.help} at ${node.target.join(" ")}: ${node.failureSummary}`,
    ),
  );
}

describe("the public pages", () => {
  test("have no WCAG 2.2 A or AA violations that axe can find", async () => {
    // axe is injected as a script of its own, which the pages' Content-Security-Policy would refuse.
    const page = await app.newPage({ bypassCSP: true });
    for (const [path, heading] of [
      ["/p", "Cities' public pages"],
      ["/p/aldermoor", "Aldermoor smart city programme"],
      ["/p/aldermoor/history", "Versions and what changed"],
      ["/p/aldermoor/pipeline", "Procurement pipeline"],
    ] as const) {
      await page.goto(path);
      await expectHeading(page, heading);
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
  });
});

/** Markup and script that must only ever show as text. */
const MARKUP_PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss = 'img'">`,
  `<svg onload="window.__xss = 'svg'"></svg>`,
  `<iframe src="javascript:window.top.__xss = 'iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss = 'srcdoc'</script>"></iframe>`,
  `<a href="javascript:window.__xss = 'a'">link</a>`,
  `<div style="background:url(javascript:window.__xss = 'css')">`,
  `<p style="width: expression(window.__xss = 'expression')">`,
  `<body onload="window.__xss = 'body'">`,
  `"><script>window.__xss = "attribute"</script>`,
  `<details open ontoggle="window.__xss = 'details'">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 'mxss'">`,
];

/** Link targets that run script, however they are written. */
const HREF_PAYLOADS = [
  "javascript:window.__xss = 'href'",
  "JaVaScRiPt:window.__xss = 'href-case'",
  "jav&#x09;ascript:window.__xss = 'href-entity'",
  "jav\tascript:window.__xss = 'href-tab'",
  " javascript:window.__xss = 'href-space'",
  "&#106;avascript:window.__xss = 'href-decimal'",
  "javascript&colon;window.__xss = 'href-colon'",
  "data:text/html,<script>window.__xss = 'data'</script>",
  "vbscript:msgbox(1)",
];

/** Rich text holding every payload as text and every dangerous target as a link, as the editor could send. */
function hostileContent(): JSONContent {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: MARKUP_PAYLOADS[0]! }] },
      ...MARKUP_PAYLOADS.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
      ...HREF_PAYLOADS.map((href) => ({
        type: "paragraph",
        content: [{ type: "text", text: `Read more`, marks: [{ type: "link", attrs: { href } }] }],
      })),
    ],
  };
}

/**
 * Elements no editor makes but a hostile client could put into the shared document over the socket:
 * script, iframe, img with a handler, and a paragraph carrying event and style attributes.
 */
function addForeignElements(fragment: Y.XmlFragment): void {
  const elements = [
    ["script", {}],
    ["iframe", { src: "javascript:window.top.__xss = 'y-iframe'" }],
    ["img", { src: "x", onerror: "window.__xss = 'y-img'" }],
    ["svg", { onload: "window.__xss = 'y-svg'" }],
    ["paragraph", { onclick: "window.__xss = 'y-onclick'", style: "background:url(javascript:alert(1))" }],
  ] as const;
  for (const [name, attributes] of elements) {
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.insert(0, [new Y.XmlText("window.__xss = 'text'")]);
    fragment.push([element]);
  }
}

/** Writes the document through the collaboration hub, as an editor's change arrives. */
async function writeHostile(documentId: string): Promise<void> {
  const hub = app.workspace.services.collabHub!;
  await hub.change(documentId, null, (ydoc) => {
    const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
    fragment.delete(0, fragment.length);
    prosemirrorToYXmlFragment(documentSchema.nodeFromJSON(hostileContent()), fragment);
    addForeignElements(fragment);
  });
}

/** What in the page could run script: handlers, script-running links, frames, foreign scripts. */
function scriptableParts(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith("on")) found.push(`${element.tagName} ${attribute}`);
        if (attribute === "srcdoc") found.push(`${element.tagName} srcdoc`);
      }
      const style = element.getAttribute("style") ?? "";
      if (/javascript:|expression\(/i.test(style)) found.push(`${element.tagName} style ${style}`);
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
      if (!["http:", "https:", "mailto:", "tel:"].includes(link.protocol))
        found.push(`link ${link.getAttribute("href")}`);
    }
    for (const element of document.querySelectorAll(
      "main iframe, main object, main embed, main svg, main img",
    ))
      found.push(`${element.tagName} in the content`);
    for (const script of document.querySelectorAll("script")) {
      if (!script.nonce && !script.src)
        found.push(`script without nonce: ${script.textContent?.slice(0, 60)}`);
    }
    return found;
  });
}

describe("the public page and cross-site scripting", () => {
  test("shows every payload in published rich text and the leadership team as text, and runs none", async () => {
    const { db } = app.workspace.services;
    const city = (await findCityBySlug(db, { slug: "aldermoor" }))!;
    const vision = (await findFirstDocumentOfKind(db, { cityId: city.id, kind: "vision" }))!;
    const principles = (await findFirstDocumentOfKind(db, { cityId: city.id, kind: "principles" }))!;
    const [update] = await listPagesOfCity(db, { cityId: city.id });
    for (const document of [vision, principles, update!]) await writeHostile(document.id);

    const leadership = await findCityBoard(db, { cityId: city.id, kind: "leadership" });
    await app.workspace.services.collabHub!.change(leadership.id, null, (ydoc) => {
      const texts = [...MARKUP_PAYLOADS, ...HREF_PAYLOADS];
      texts.forEach((text, index) => {
        insertRow(ydoc, LEADERSHIP, {
          values: {
            name: `Hostile ${index} ${text}`,
            role: text,
            organisation: text,
            responsibility: text,
            contact: index % 2 === 0 ? text : `https://council.example/"onmouseover="window.__xss=${index}`,
            board: "delivery",
            public: true,
          },
        });
      });
    });
    const { publication } = await publishCityPage(db, {
      cityId: city.id,
      userId: null,
      sections: ["update", "vision", "principles", "leadership"],
      updateDocumentId: update!.id,
    });
    expect(publication?.republished.sort()).toEqual(["leadership", "principles", "update", "vision"]);

    // With the Content-Security-Policy off, only the sanitising stands between a payload and the page.
    const page = await app.newPage({ bypassCSP: true });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of ["/p/aldermoor", "/p/aldermoor/history"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      // Move over and focus every link and contact, so handlers that need a person would fire too.
      for (const link of await page.locator("main a").all())
        await link.hover({ trial: false }).catch(() => {});
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
        path,
      ).toBeUndefined();
      expect(await scriptableParts(page), path).toEqual([]);
    }
    expect(dialogs).toEqual([]);

    await page.goto("/p/aldermoor");
    await expectHeading(page, "Aldermoor smart city programme");
    const visionSection = page.getByRole("region", { name: "Vision" });
    for (const text of MARKUP_PAYLOADS)
      await expect(visionSection.getByText(text, { exact: true }).count()).resolves.toBeGreaterThan(0);
    const team = page.getByRole("region", { name: "Leadership team" });
    await team.getByText(`Hostile 1 ${MARKUP_PAYLOADS[1]!}`).waitFor();
  });
});
