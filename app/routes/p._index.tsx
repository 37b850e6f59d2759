import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatLongDay } from "../components/governance/dates";
import { PageHeading } from "../components/page";
import { listPublishedCities } from "../lib/governance.server";
import { listPublishingCities } from "../lib/procurement.server";
import publicStylesHref from "../styles/public.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStylesHref }];

/** Every city that has published its page or its procurement pipeline: public, no sign-in. */
export async function loader({ context }: LoaderFunctionArgs) {
  const [pages, pipelines] = await Promise.all([
    listPublishedCities(context.db),
    listPublishingCities(context.db),
  ]);
  const cities = new Map<
    string,
    { slug: string; name: string; country: string; page: string | null; pipeline: string | null }
  >();
  for (const city of pages)
    cities.set(city.slug, { ...city, page: city.lastPublishedAt.toISOString(), pipeline: null });
  for (const city of pipelines) {
    const entry = cities.get(city.slug) ?? { ...city, page: null, pipeline: null };
    entry.pipeline = city.lastPublishedAt.toISOString();
    cities.set(city.slug, entry);
  }
  return json({
    cities: [...cities.values()]
      .map(({ slug, name, country, page, pipeline }) => ({ slug, name, country, page, pipeline }))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
  });
}

export const meta: MetaFunction = () => [
  { title: "Cities' public pages · SCF Workspace" },
  {
    name: "description",
    content: "The smart city programmes that publish their vision, leadership, progress and plans here.",
  },
];

export default function PublicCities() {
  const { cities } = useLoaderData<typeof loader>();
  return (
    <article className="public-page">
      <PageHeading>Cities&apos; public pages</PageHeading>
      <p className="lead-paragraph">
        Smart city programmes that publish how they are run: their vision, who leads them, their progress and
        what they plan to buy.
      </p>
      {cities.length === 0 ? (
        <p>No city has published anything yet.</p>
      ) : (
        <ul className="public-cities">
          {cities.map((city) => (
            <li key={city.slug} className="public-cities__city">
              <h2>
                {city.page ? <a href={`/p/${city.slug}`}>{city.name}</a> : city.name}
                <span className="secondary public-cities__country">, {city.country}</span>
              </h2>
              <ul>
                {city.page ? (
                  <li>
                    <a href={`/p/${city.slug}`}>Public page</a>, last updated on{" "}
                    <time dateTime={city.page}>{formatLongDay(city.page)}</time>
                  </li>
                ) : null}
                {city.pipeline ? (
                  <li>
                    <a href={`/p/${city.slug}/pipeline`}>Procurement pipeline</a>, last published on{" "}
                    <time dateTime={city.pipeline}>{formatLongDay(city.pipeline)}</time>
                  </li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
