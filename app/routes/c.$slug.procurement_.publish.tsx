import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { STAGES } from "../../shared/boards/pipeline";
import { ErrorSummary, TextField } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { PublishReportNotice } from "../components/procurement/publish/PublishReportNotice";
import publishStylesHref from "../components/procurement/publish/publish.css";
import { requireCity } from "../lib/auth.server";
import { validationError } from "../lib/errors.server";
import { formFailure } from "../lib/forms.server";
import { publishingOverview, publishOpportunities, setOcidPrefix } from "../lib/procurement.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publishStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Publish the pipeline · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug, "publish");
  const overview = await publishingOverview(context.db, { cityId: city.id, city });
  const published =
    overview.removed.length > 0 || overview.opportunities.some((entry) => entry.state !== "unpublished");
  return json({
    city: { slug: city.slug, name: city.name },
    ocidPrefix: overview.ocidPrefix,
    published,
    opportunities: overview.opportunities.map((entry) => ({
      ...entry,
      lastPublishedAt: entry.lastPublishedAt?.toISOString() ?? null,
    })),
    removed: overview.removed.map((entry) => ({
      ...entry,
      lastPublishedAt: entry.lastPublishedAt.toISOString(),
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "publish");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "prefix") {
    const typed = form.get("ocidPrefix");
    const ocidPrefix = typeof typed === "string" ? typed : "";
    try {
      const prefix = await setOcidPrefix(context.db, { cityId: city.id, prefix: ocidPrefix });
      return json({ ok: true as const, intent: "prefix" as const, prefix, report: null });
    } catch (error) {
      return formFailure(error, { ocidPrefix }, "prefix");
    }
  }
  if (intent !== "publish") return formFailure(validationError({}, "That action is not known"), {});
  const rowIds = form.getAll("opportunity").filter((value): value is string => typeof value === "string");
  try {
    const report = await publishOpportunities(context.db, { cityId: city.id, userId: user.id, rowIds });
    return json({ ok: true as const, intent: "publish" as const, prefix: null, report });
  } catch (error) {
    return formFailure(error, { opportunities: rowIds.join(" ") }, "publish");
  }
}

const STAGE_LABELS = new Map<string, string>(STAGES.map((stage) => [stage.value, stage.label]));

const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function publishingText(entry: {
  state: "unpublished" | "published" | "changed";
  lastPublishedAt: string | null;
  releaseCount: number;
}): string {
  const releases = entry.releaseCount > 1 ? ` (${entry.releaseCount} releases)` : "";
  if (entry.state === "unpublished" || !entry.lastPublishedAt) return "Not published";
  if (entry.state === "changed")
    return `Changed since published on ${formatDay(entry.lastPublishedAt)}${releases}`;
  return `Published on ${formatDay(entry.lastPublishedAt)}${releases}, no changes since`;
}

export default function PublishPipeline() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const publishForm = useRef<HTMLFormElement>(null);
  // After a publication the boxes start clear again, as they do when the page loads without JavaScript.
  useEffect(() => {
    if (result?.ok && result.intent === "publish") publishForm.current?.reset();
  }, [result]);
  const failure = result && !result.ok ? result : undefined;
  const chosenBefore = new Set(
    failure?.intent === "publish" ? (failure.values.opportunities ?? "").split(" ") : [],
  );
  const publicPage = `/p/${data.city.slug}/pipeline`;
  const openData = `/api/v1/cities/${data.city.slug}/pipeline.ocds.json`;

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok && result.report ? (
        <PublishReportNotice report={result.report} publicPage={publicPage} />
      ) : null}
      {result?.ok && result.prefix ? (
        <Notice title="Prefix saved">
          <p>
            Opportunities will be identified as <code>{result.prefix}-…</code> when published.
          </p>
        </Notice>
      ) : null}

      <PageHeading caption={data.city.name}>Publish the procurement pipeline</PageHeading>
      <p>
        Publishing makes the opportunities you choose public: anyone can read them on the city&apos;s public
        pipeline, and open data tools can read them in the Open Contracting Data Standard (OCDS). Each time
        you publish a change a new release is added; the earlier ones stay public.
      </p>
      {data.published ? (
        <ul>
          <li>
            <Link to={publicPage}>The public pipeline</Link>
          </li>
          <li>
            <a href={openData}>The OCDS release package</a>
          </li>
        </ul>
      ) : null}

      <section aria-labelledby="prefix-title">
        <h2 id="prefix-title">Open contracting identifier</h2>
        {data.published && data.ocidPrefix ? (
          <p>
            Each opportunity is identified as <code>{data.ocidPrefix}-</code> followed by its own id. The
            prefix cannot change now that opportunities are published, so that those identifiers stay the
            same.
          </p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="prefix" />
            <TextField
              name="ocidPrefix"
              label="Ocid prefix"
              hint="The Open Contracting Partnership registers a prefix for each publisher: “ocds-” and six letters or digits, such as ocds-a1b2c3. You may add your own part after a hyphen."
              defaultValue={
                failure?.intent === "prefix" ? (failure.values.ocidPrefix ?? "") : (data.ocidPrefix ?? "")
              }
              error={failure?.intent === "prefix" ? failure.fieldErrors.ocidPrefix : undefined}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              Save prefix
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="opportunities-title">
        <h2 id="opportunities-title">Opportunities</h2>
        {data.opportunities.length === 0 ? (
          <div className="empty-state">
            <p>
              The pipeline has no opportunities yet.{" "}
              <Link to={`/c/${data.city.slug}/procurement`}>Add them on the pipeline</Link>.
            </p>
          </div>
        ) : (
          <Form method="post" noValidate ref={publishForm}>
            <input type="hidden" name="intent" value="publish" />
            <fieldset
              id="opportunities"
              tabIndex={-1}
              className={
                failure?.fieldErrors.opportunities
                  ? "field field--error publish-fieldset"
                  : "field publish-fieldset"
              }
              aria-describedby={failure?.fieldErrors.opportunities ? "opportunities-error" : undefined}
            >
              <legend className="field__label">Choose the opportunities to publish</legend>
              {failure?.fieldErrors.opportunities ? (
                <p className="field__error" id="opportunities-error">
                  <span className="visually-hidden">Error: </span>
                  {failure.fieldErrors.opportunities}
                </p>
              ) : null}
              <ul className="publish-list">
                {data.opportunities.map((entry) => {
                  const id = `opportunity-${entry.rowId}`;
                  return (
                    <li key={entry.rowId} className="publish-list__item">
                      <input
                        type="checkbox"
                        className="publish-list__checkbox"
                        name="opportunity"
                        value={entry.rowId}
                        id={id}
                        disabled={entry.problem !== null}
                        defaultChecked={chosenBefore.has(entry.rowId)}
                        aria-describedby={`${id}-status`}
                      />
                      <div>
                        <label htmlFor={id} className="publish-list__title">
                          {entry.title ?? "Untitled opportunity"}
                        </label>
                        <p className="publish-list__status secondary" id={`${id}-status`}>
                          {entry.stage ? `${STAGE_LABELS.get(entry.stage) ?? entry.stage} · ` : ""}
                          {publishingText(entry)}

                          {entry.problem ? (
                            <>
                              <br />
                              Cannot be published until it is corrected: {entry.problem}
                            </>
                          ) : null}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <button type="submit" className="button" disabled={busy}>
              {busy && navigation.formData?.get("intent") === "publish"
                ? "Publishing…"
                : "Publish chosen opportunities"}
            </button>
          </Form>
        )}
      </section>

      {data.removed.length > 0 ? (
        <section aria-labelledby="removed-title">
          <h2 id="removed-title">Published, no longer on the pipeline</h2>
          <p>These stay public as last published.</p>
          <ul>
            {data.removed.map((entry) => (
              <li key={entry.rowId}>
                {entry.title}, last published on {formatDay(entry.lastPublishedAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
