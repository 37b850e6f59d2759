import { BOARD_KINDS } from "../../shared/boards/kinds";
import { sql } from "kysely";
import { MATCH_END, MATCH_START } from "../../shared/search";
import type { Executor } from "./executor";

export interface DocumentMatch {
  id: string;
  title: string;
  kind: string;
  archived: boolean;
  updatedAt: Date;
  /** The title with matches between MATCH_START and MATCH_END. */
  titleHighlight: string;
  /** Passages of the text around the matches, marked the same way (its opening if only the title matched). */
  snippet: string;
  rank: number;
}

/** Stores the plain text of a document; its search vector follows. */
export async function saveDocumentText(
  db: Executor,
  args: { documentId: string; plainText: string },
): Promise<void> {
  await db
    .updateTable("documents")
    .set({ plain_text: args.plainText })
    .where("id", "=", args.documentId)
    .where("plain_text", "<>", args.plainText)
    .execute();
}

/**
 * Full-text search over the documents of the given cities, best match first. The query is read
 * as a web search box reads it: words, "quoted phrases", `or`, `-excluded`.
 */
export async function searchDocuments(
  db: Executor,
  args: { cityIds: string[]; query: string; limit: number },
): Promise<DocumentMatch[]> {
  if (args.cityIds.length === 0) return [];
  const markers = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
  const result = await sql<{
    id: string;
    title: string;
    kind: string;
    archived_at: Date | null;
    updated_at: Date;
    title_highlight: string;
    snippet: string;
    rank: number;
  }>`
    with query as (select websearch_to_tsquery('english', ${args.query}) as query),
    matches as (
      select documents.id, documents.title, documents.kind, documents.archived_at, documents.updated_at,
        documents.plain_text, ts_rank(documents.search_vector, query.query) as rank
      from documents
      join spaces on spaces.id = documents.space_id
      cross join query
      where spaces.city_id = any(${sql.val(args.cityIds)}::uuid[])
        -- Boards have their own pages and no search text of their own.
        and documents.kind <> all(${sql.val([...BOARD_KINDS])}::text[])
        and documents.search_vector @@ query.query
      order by rank desc, documents.updated_at desc
      limit ${args.limit}
    )
    -- Headlines are costly, so only the rows shown get them.
    select matches.id, matches.title, matches.kind, matches.archived_at, matches.updated_at, matches.rank,
      ts_headline('english', translate(matches.title, ${MATCH_START + MATCH_END}, ''), query.query,
        ${`${markers}, HighlightAll=true`}) as title_highlight,
      ts_headline('english', matches.plain_text, query.query,
        ${`${markers}, MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=" … "`}) as snippet
    from matches cross join query
    order by matches.rank desc, matches.updated_at desc
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    archived: row.archived_at !== null,
    updatedAt: row.updated_at,
    titleHighlight: row.title_highlight,
    snippet: row.snippet,
    rank: Number(row.rank),
  }));
}
