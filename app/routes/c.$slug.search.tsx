import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DOCUMENT_KIND_LABELS, isDocumentKind } from "../../shared/documents";
import { SEARCH_QUERY_MAX_LENGTH } from "../../shared/search";
import { Highlighted } from "../components/Highlighted";
import { requireCity } from "../lib/auth.server";
import { searchCityDocuments } from "../lib/search.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const { query, results } = await searchCityDocuments(context.db, {
    cityId: city.id,
    query: new URL(request.url).searchParams.get("q"),
  });
  return json({
    city: { slug: city.slug, name: city.name },
    query,
    results: results.map((result) => ({
      id: result.id,
      kind: isDocumentKind(result.kind) ? DOCUMENT_KIND_LABELS[result.kind] : result.kind,
      archived: result.archived,
      title: result.titleHighlight,
      snippet: result.snippet,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.query ? `“${data.query}” · ` : ""}Search · ${data.city.name} · SCF Workspace`
      : "Search · SCF Workspace",
  },
];

export default function Search() {
  const { city, query, results } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Search</h1>
      <Form method="get" role="search" className="search-form" key={query}>
        <label className="field__label" htmlFor="search-query">
          Search {city.name}&apos;s documents
        </label>
        <div className="search-form__row">
          <input
            className="input"
            type="search"
            id="search-query"
            name="q"
            defaultValue={query}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            autoComplete="off"
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </Form>

      {!query ? (
        <p className="empty-state">
          Type words to find in the titles and text of {city.name}&apos;s documents. Put a phrase in quotes to
          find it exactly, and use a minus sign to leave a word out.
        </p>
      ) : results.length === 0 ? (
        <div className="empty-state" role="status">
          <p>No documents match “{query}”.</p>
          <p>Check the spelling, or try fewer or more general words.</p>
        </div>
      ) : (
        <>
          <p role="status">
            {results.length === 1 ? "1 document matches" : `${results.length} documents match`} “{query}”
          </p>
          <ol className="search-results">
            {results.map((result) => (
              <li key={result.id} className="search-result">
                <h2 className="search-result__title">
                  <Link to={`/c/${city.slug}/docs/${result.id}`}>
                    <Highlighted text={result.title} />
                  </Link>
                </h2>
                <p className="caption">
                  {result.kind}
                  {result.archived ? " · archived" : ""}
                </p>
                {result.snippet ? (
                  <p className="search-result__snippet">
                    <Highlighted text={result.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
