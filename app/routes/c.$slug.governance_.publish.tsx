import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { sectionLabel, type SectionKey } from "../../shared/publications";
import { ErrorSummary, SelectField } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { formFailure } from "../lib/forms.server";
import { publishCityPage, publishingStatus } from "../lib/governance.server";
import governanceStylesHref from "../styles/governance.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: governanceStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Publish the public page · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug, "publish");
  const status = await publishingStatus(context.db, { cityId: city.id });
  return json({
    city: { slug: city.slug, name: city.name },
    latest: status.latest ? { ...status.latest, publishedAt: status.latest.publishedAt.toISOString() } : null,
    sections: status.sections,
    pages: status.pages,
    updatePageTitle: status.updatePageTitle,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "publish");
  const form = await request.formData();
  const sections = form.getAll("section").filter((value): value is string => typeof value === "string");
  const update = form.get("update");
  const updateDocumentId = typeof update === "string" && update ? update : null;
  try {
    const result = await publishCityPage(context.db, {
      cityId: city.id,
      userId: user.id,
      sections,
      updateDocumentId,
    });
    if (result.publication) context.services.publicPages.published(city.slug);
    return json({
      ok: true as const,
      number: result.publication?.number ?? null,
      republished: result.publication?.republished ?? [],
      missing: result.missing,
    });
  } catch (error) {
    return formFailure(error, { sections: sections.join(" "), update: updateDocumentId ?? "" });
  }
}

const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const STATE_TEXT = {
  unpublished: "Not published yet",
  published: "Published, no changes since",
  changed: "Changed since it was published",
  unavailable: "Nothing to publish: the city has no such document",
} as const;

export default function PublishPublicPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const failure = result && !result.ok ? result : undefined;
  const chosenBefore = failure ? new Set((failure.values.sections ?? "").split(" ")) : null;
  const publicPage = `/p/${data.city.slug}`;
  const isChosen = (key: SectionKey, state: string) =>
    chosenBefore
      ? chosenBefore.has(key)
      : key === "update"
        ? false
        : state === "changed" || state === "unpublished";

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok ? (
        result.number === null ? (
          <Notice title="Nothing new to publish">
            <p>The parts you chose read exactly as they were last published, so no new version was made.</p>
          </Notice>
        ) : (
          <Notice title={`Published as version ${result.number}`}>
            <p>
              Published anew: {result.republished.map(sectionLabel).join(", ")}.{" "}
              <a href={publicPage}>See the public page</a>.
            </p>
            {result.missing.length > 0 ? (
              <p>
                Not published, as there is nothing to show: {result.missing.map(sectionLabel).join(", ")}.
              </p>
            ) : null}
          </Notice>
        )
      ) : null}

      <PageHeading caption={data.city.name}>Publish the public page</PageHeading>
      <p>
        The public page tells residents and partners who leads the programme, what it aims for and how far it
        has come. It shows only what you publish here, as it reads at that moment: later edits stay private
        until you publish again. Each publication is kept, and anyone can see what changed between two of
        them.
      </p>
      {data.latest ? (
        <p>
          Last published as version {data.latest.number} on {formatDay(data.latest.publishedAt)} by{" "}
          {data.latest.publisherName}. <a href={publicPage}>The public page</a> ·{" "}
          <a href={`${publicPage}/history`}>Versions and changes</a>
        </p>
      ) : (
        <p>Nothing has been published yet.</p>
      )}

      {/* A new publication starts the form afresh, with the boxes for what has changed since. */}
      <Form method="post" noValidate key={data.latest?.number ?? 0}>
        <fieldset
          id="sections"
          tabIndex={-1}
          className={failure?.fieldErrors.sections ? "field field--error" : "field"}
          aria-describedby={failure?.fieldErrors.sections ? "sections-error" : undefined}
        >
          <legend className="field__label">Choose what to publish</legend>
          {failure?.fieldErrors.sections ? (
            <p className="field__error" id="sections-error">
              <span className="visually-hidden">Error: </span>
              {failure.fieldErrors.sections}
            </p>
          ) : null}
          <ul className="publish-sections">
            {data.sections.map((section) => {
              const id = `section-${section.key}`;
              const state =
                section.key === "update" && data.updatePageTitle
                  ? `Published: “${data.updatePageTitle}”`
                  : STATE_TEXT[section.state];
              return (
                <li key={section.key} className="publish-sections__item">
                  <input
                    type="checkbox"
                    className="publish-sections__checkbox"
                    name="section"
                    value={section.key}
                    id={id}
                    disabled={section.state === "unavailable"}
                    defaultChecked={isChosen(section.key, section.state)}
                    aria-describedby={`${id}-state`}
                  />
                  <div>
                    <label htmlFor={id} className="publish-sections__label">
                      {section.label}
                    </label>
                    <p className="publish-sections__state secondary" id={`${id}-state`}>
                      {state}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {data.pages.length > 0 ? (
          <SelectField
            name="update"
            label="Page holding the progress update"
            defaultValue={failure?.values.update ?? ""}
            error={failure?.fieldErrors.update}
            options={[
              { value: "", label: "Choose a page" },
              ...data.pages.map((page) => ({ value: page.id, label: page.title })),
            ]}
          />
        ) : (
          <p className={failure?.fieldErrors.update ? "field__error" : undefined} id="update">
            To publish a progress update, first write it as a page in{" "}
            <Link to={`/c/${data.city.slug}/docs`}>Documents</Link>.
          </p>
        )}
        <p className="secondary">
          The leadership team shows only the people marked public; the roadmap shows progress in each phase
          and the items marked public. The procurement pipeline links to the opportunities published on{" "}
          <Link to={`/c/${data.city.slug}/procurement/publish`}>its own publishing page</Link>.
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Publishing…" : "Publish"}
        </button>
      </Form>
    </>
  );
}
