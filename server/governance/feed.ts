import type { City } from "../../db/repositories/cities";
import { sectionLabel } from "../../shared/publications";
import type { Publication } from "./publications";

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[character]!,
  );
}

/** The newest publications a feed carries. */
const FEED_ENTRIES = 50;

/**
 * A city's publications as an Atom 1.0 feed: one entry per version of its public page, linking to
 * what changed in it.
 */
export function atomFeed(args: {
  city: City;
  publications: Omit<Publication, "sections">[];
  origin: string;
}): string {
  const page = `${args.origin}/p/${encodeURIComponent(args.city.slug)}`;
  const entries = args.publications.slice(0, FEED_ENTRIES).map((publication) => {
    const link =
      publication.number > 1
        ? `${page}/history?from=${publication.number - 1}&to=${publication.number}`
        : `${page}/history`;
    const changed = publication.republished.map(sectionLabel).join(", ");
    return [
      "  <entry>",
      `    <id>${escapeXml(`${page}/history#version-${publication.number}`)}</id>`,
      `    <title>${escapeXml(`Version ${publication.number}: ${changed}`)}</title>`,
      `    <updated>${publication.publishedAt.toISOString()}</updated>`,
      `    <author><name>${escapeXml(publication.publisherName)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <summary>${escapeXml(`${args.city.name} published ${changed.toLowerCase()} on its public page.`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  const updated = args.publications[0]?.publishedAt.toISOString() ?? new Date(0).toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(`${page}/feed.atom`)}</id>`,
    `  <title>${escapeXml(`${args.city.name} smart city programme`)}</title>`,
    `  <subtitle>${escapeXml(`What ${args.city.name} publishes about its smart city programme`)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${page}/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
