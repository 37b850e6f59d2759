import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { Kysely } from "kysely";
import sanitizeHtml from "sanitize-html";
import * as documents from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import { documentExtensions, isAllowedLink } from "../../shared/editor/extensions";
import { UUID_PATTERN } from "../../shared/documents";
import { documentSchema, loadDocumentContent } from "./content";
import { toMarkdown } from "./markdown";

const extensions = documentExtensions();

/**
 * What an exported document may contain: the editor's own elements, links only to http(s) and
 * mailto, no styles, scripts or event attributes.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: (
    "h1 h2 h3 h4 h5 h6 p br strong em s u code pre a ul ol li blockquote hr " +
    "table thead tbody tr th td label input span"
  ).split(" "),
  allowedAttributes: {
    a: ["href", "rel"],
    ol: ["start"],
    ul: ["data-type"],
    li: ["data-type", "data-checked"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    input: ["type", "checked", "disabled"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // A link the editor would refuse keeps its text and loses its target.
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim() ?? "";
      return isAllowedLink(href)
        ? { tagName, attribs: { href, rel: "noopener noreferrer nofollow" } }
        : { tagName: "span", attribs: {} };
    },
    // Task boxes show their state; nothing in an export is a form control.
    input: (tagName, attribs): sanitizeHtml.Tag => {
      if (attribs.type !== "checkbox") return { tagName: "span", attribs: {} };
      const checked: sanitizeHtml.Attributes = attribs.checked === undefined ? {} : { checked: "" };
      return { tagName, attribs: { type: "checkbox", disabled: "", ...checked } };
    },
  },
};

/** Renders ProseMirror JSON of the document schema as HTML, then keeps only what is allowed. */
export function toSafeHtml(content: JSONContent): string {
  const html = renderToHTMLString({ extensions, content: documentSchema.nodeFromJSON(content) });
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

export type ExportFormat = "markdown" | "html";

export interface DocumentExport {
  title: string;
  /** The document's body: Markdown, or sanitized HTML without a page around it. */
  body: string;
}

/** A document of the city, exported; null for a document of another city, or none. */
export async function exportDocument(
  db: Kysely<Database>,
  args: { cityId: string; documentId: string; format: ExportFormat },
): Promise<DocumentExport | null> {
  const document = UUID_PATTERN.test(args.documentId)
    ? await documents.findDocumentOfCity(db, { cityId: args.cityId, documentId: args.documentId })
    : null;
  if (!document) return null;
  const content = await loadDocumentContent(db, { documentId: document.id });
  return {
    title: document.title,
    body: args.format === "markdown" ? toMarkdown(document.title, content) : toSafeHtml(content),
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!,
  );
}

/** A whole HTML page around an exported body: the title as its heading, optional stylesheets and a way back. */
export function htmlPage(
  exported: DocumentExport,
  options: { stylesheets?: string[]; back?: { href: string; label: string } } = {},
): string {
  const title = escapeHtml(exported.title);
  const links = (options.stylesheets ?? [])
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join("");
  const back = options.back
    ? `<p class="print-view__back"><a href="${escapeHtml(options.back.href)}">${escapeHtml(options.back.label)}</a></p>`
    : "";
  return (
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${links}</head>` +
    `<body><main class="print-view">${back}<article class="prose"><h1>${title}</h1>${exported.body}</article></main></body></html>\n`
  );
}
