import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PUBLIC_SECTIONS, type SectionKey } from "../../shared/publications";
import { formatLongDay } from "../components/governance/dates";
import {
  PublishedLeadership,
  PublishedPipeline,
  PublishedRoadmap,
  PublishedText,
} from "../components/governance/PublicSections";
import { PageHeading } from "../components/page";
import { notFoundResponse } from "../lib/auth.server";
import { findPublicPage } from "../lib/governance.server";
import publicStylesHref from "../styles/public.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStylesHref }];

/** A city's public page: what its leads published, read from the stored publication; no sign-in. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const page = await findPublicPage(context.db, { slug: params.slug ?? "" });
  if (!page) throw notFoundResponse();
  const { city, publication, sectionDates } = page;
  return json({
    city: { slug: city.slug, name: city.name, country: city.country },
    number: publication.number,
    publishedAt: publication.publishedAt.toISOString(),
    publisherName: publication.publisherName,
    sections: publication.sections,
    sectionDates: Object.fromEntries(
      Object.entries(sectionDates).map(([key, date]) => [key, date.toISOString()]),
    ) as Partial<Record<SectionKey, string>>,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.city.name} smart city programme · SCF Workspace` },
        {
          name: "description",
          content: `How ${data.city.name} runs its smart city programme: vision, leadership, progress and plans, as published by the city.`,
        },
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          title: `${data.city.name}: publications`,
          href: `/p/${data.city.slug}/feed.atom`,
        },
      ]
    : [{ title: "Page not found · SCF Workspace" }];

export default function PublicCityPage() {
  const data = useLoaderData<typeof loader>();
  const { city, sections } = data;
  const shown = PUBLIC_SECTIONS.filter((section) => sections[section.key] !== undefined);

  const body = (key: SectionKey) => {
    switch (key) {
      case "update":
        return sections.update ? <PublishedText section={sections.update} headingLevel={3} /> : null;
      case "vision":
      case "principles": {
        const section = sections[key];
        return section ? <PublishedText section={section} /> : null;
      }
      case "leadership":
        return sections.leadership ? <PublishedLeadership section={sections.leadership} /> : null;
      case "roadmap":
        return sections.roadmap ? <PublishedRoadmap section={sections.roadmap} /> : null;
      case "pipeline":
        return sections.pipeline ? <PublishedPipeline section={sections.pipeline} slug={city.slug} /> : null;
    }
  };

  return (
    <article className="public-page">
      <PageHeading caption={`${city.country} · public page`}>{city.name} smart city programme</PageHeading>
      <p className="lead-paragraph">
        What {city.name} has chosen to publish about its smart city programme: where it is heading, who leads
        it and how far it has come.
      </p>
      <p className="public-page__meta">
        Last updated on <time dateTime={data.publishedAt}>{formatLongDay(data.publishedAt)}</time> (version{" "}
        {data.number}, published by {data.publisherName}).{" "}
        <a href={`/p/${city.slug}/history`}>All versions and what changed</a> ·{" "}
        <a href={`/p/${city.slug}/feed.atom`}>Atom feed</a>
      </p>
      {shown.length > 1 ? (
        <nav className="public-page__contents" aria-label="On this page">
          <h2 className="public-page__contents-title">On this page</h2>
          <ul>
            {shown.map((section) => (
              <li key={section.key}>
                <a href={`#${section.key}`}>{section.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {shown.map((section) => {
        const changed = data.sectionDates[section.key];
        return (
          <section key={section.key} className="public-page__section" aria-labelledby={section.key}>
            <h2 id={section.key}>{section.label}</h2>
            {changed ? (
              <p className="secondary public-page__updated">
                Updated on <time dateTime={changed}>{formatLongDay(changed)}</time>
              </p>
            ) : null}
            {body(section.key)}
          </section>
        );
      })}
    </article>
  );
}
