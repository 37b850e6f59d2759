import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { sectionLabel } from "../../shared/publications";
import { formatLongDay } from "../components/governance/dates";
import { PageHeading } from "../components/page";
import { notFoundResponse } from "../lib/auth.server";
import { compareSections, findPublication, findPublicationHistory } from "../lib/governance.server";
import publicStylesHref from "../styles/public.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStylesHref }];

function versionParam(url: URL, name: string): number | null {
  const value = url.searchParams.get(name);
  return value && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * A city's publications, newest first, and what changed between two of them (by default the latest
 * and the one before); public, and usable without JavaScript.
 */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const history = await findPublicationHistory(context.db, { slug: params.slug ?? "" });
  if (!history) throw notFoundResponse();
  const { city, publications } = history;
  const url = new URL(request.url);
  const latest = publications[0]!.number;
  const to = versionParam(url, "to") ?? latest;
  const from = versionParam(url, "from") ?? to - 1;
  let comparison = null;
  if (from >= 1 && from !== to) {
    const [earlier, later] = await Promise.all([
      findPublication(context.db, { cityId: city.id, number: Math.min(from, to) }),
      findPublication(context.db, { cityId: city.id, number: Math.max(from, to) }),
    ]);
    if (earlier && later)
      comparison = {
        from: earlier.number,
        to: later.number,
        sections: compareSections(earlier.sections, later.sections).filter(
          (section) => section.status !== "unchanged",
        ),
      };
  }
  return json({
    city: { slug: city.slug, name: city.name, country: city.country },
    publications: publications.map((publication) => ({
      ...publication,
      publishedAt: publication.publishedAt.toISOString(),
    })),
    chosen: { from, to },
    comparison,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `Versions of the public page · ${data.city.name} · SCF Workspace` },
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          title: `${data.city.name}: publications`,
          href: `/p/${data.city.slug}/feed.atom`,
        },
      ]
    : [{ title: "Page not found · SCF Workspace" }];

const STATUS_TEXT = {
  added: "Published for the first time",
  removed: "No longer published",
  changed: "Changed",
} as const;

export default function PublicationHistory() {
  const { city, publications, chosen, comparison } = useLoaderData<typeof loader>();
  const options = publications.map((publication) => (
    <option key={publication.number} value={publication.number}>
      Version {publication.number}, {formatLongDay(publication.publishedAt)}
    </option>
  ));
  return (
    <article className="public-page">
      <PageHeading caption={`${city.name} · public page`}>Versions and what changed</PageHeading>
      <p>
        Each time {city.name}&apos;s team publishes its public page a new version is kept, so you can see what
        changed and when. <a href={`/p/${city.slug}`}>Back to the public page</a> ·{" "}
        <a href={`/p/${city.slug}/feed.atom`}>Atom feed</a>
      </p>

      {publications.length > 1 ? (
        <section aria-labelledby="compare-title" className="public-page__section">
          <h2 id="compare-title">Compare two versions</h2>
          <Form method="get" className="public-compare">
            <div className="field">
              <label className="field__label" htmlFor="compare-from">
                From
              </label>
              <select className="select" id="compare-from" name="from" defaultValue={String(chosen.from)}>
                {options}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="compare-to">
                To
              </label>
              <select className="select" id="compare-to" name="to" defaultValue={String(chosen.to)}>
                {options}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              Compare
            </button>
          </Form>
          {comparison ? (
            <div className="public-changes" data-testid="changes">
              <h3>
                From version {comparison.from} to version {comparison.to}
              </h3>
              {comparison.sections.length === 0 ? (
                <p>Nothing changed between these versions.</p>
              ) : (
                comparison.sections.map((section) => (
                  <section key={section.key} aria-labelledby={`change-${section.key}`}>
                    <h4 id={`change-${section.key}`}>
                      {section.label}: {STATUS_TEXT[section.status as keyof typeof STATUS_TEXT]}
                    </h4>
                    {section.words ? (
                      <p className="public-changes__words">
                        {section.words.map((word, index) =>
                          word.kind === "added" ? (
                            <ins key={index}>{word.text}</ins>
                          ) : word.kind === "removed" ? (
                            <del key={index}>{word.text}</del>
                          ) : (
                            <span key={index}>{word.text}</span>
                          ),
                        )}
                      </p>
                    ) : null}
                    {section.added.length > 0 ? (
                      <>
                        <p>Added:</p>
                        <ul>
                          {section.added.map((line) => (
                            <li key={line}>
                              <ins>{line}</ins>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                    {section.removed.length > 0 ? (
                      <>
                        <p>Removed:</p>
                        <ul>
                          {section.removed.map((line) => (
                            <li key={line}>
                              <del>{line}</del>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </section>
                ))
              )}
            </div>
          ) : (
            <p>Choose two different versions to compare.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="versions-title" className="public-page__section">
        <h2 id="versions-title">All versions</h2>
        <table className="public-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">By</th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            {publications.map((publication) => (
              <tr key={publication.number}>
                <th scope="row">{publication.number}</th>
                <td>
                  <time dateTime={publication.publishedAt}>{formatLongDay(publication.publishedAt)}</time>
                </td>
                <td>{publication.publisherName}</td>
                <td>
                  {publication.republished.map(sectionLabel).join(", ")}
                  {publication.number > 1 ? (
                    <>
                      {" "}
                      (
                      <a
                        href={`/p/${city.slug}/history?from=${publication.number - 1}&to=${publication.number}`}
                      >
                        see the changes
                        <span className="visually-hidden"> in version {publication.number}</span>
                      </a>
                      )
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
