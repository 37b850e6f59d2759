import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "../components/form";
import { ConfirmPanel } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { can } from "../lib/cities.server";
import { asResponse, formFailure, readForm } from "../lib/forms.server";
import { restoreVersion, viewVersion } from "../lib/versions.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const version = await viewVersion({
    db: context.db,
    cityId: city.id,
    documentId: params.id ?? "",
    versionId: params.versionId ?? "",
  }).catch(asResponse);
  return json({
    city: { slug: city.slug, name: city.name },
    documentId: params.id ?? "",
    canEdit: can(context.actor, "edit", { type: "city", id: city.id }),
    version: { ...version, createdAt: version.createdAt.toISOString() },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.version.name ?? "Automatic version"} · SCF Workspace` : "SCF Workspace" },
];

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "edit");
  const values = await readForm(request);
  try {
    await restoreVersion({
      db: context.db,
      cityId: city.id,
      documentId: params.id ?? "",
      versionId: params.versionId ?? "",
      userId: user.id,
      hub: context.services.collabHub,
    });
    return redirect(`/c/${city.slug}/docs/${params.id}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Version() {
  const { city, documentId, canEdit, version } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const confirming = searchParams.get("restore") === "1";
  const changed = version.changes.some((part) => part.kind !== "same");
  const base = `/c/${city.slug}/docs/${documentId}`;
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <p>
        <Link to={`${base}/versions`}>All versions</Link> · <Link to={base}>Back to the document</Link>
      </p>
      <h1>
        <span className="caption">
          {new Date(version.createdAt).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" })}
          {version.createdByName ? `, ${version.createdByName}` : ""}
        </span>
        {version.name ?? "Automatic version"}
      </h1>
      {canEdit && confirming ? (
        <ConfirmPanel
          title="Restore this version?"
          confirmLabel="Restore this version"
          cancelTo="."
          busy={navigation.state === "submitting"}
        >
          <p>
            The document will read as it did then, for everyone, as a new change. Nothing is lost: the current
            text stays in the history.
          </p>
        </ConfirmPanel>
      ) : canEdit ? (
        <p>
          <Link to="?restore=1" className="button button--secondary">
            Restore this version
          </Link>
        </p>
      ) : null}
      <h2>What changed since</h2>
      {changed ? (
        <p className="diff" data-testid="version-diff">
          {version.changes.map((part, index) =>
            part.kind === "added" ? (
              <ins key={index}>{part.text}</ins>
            ) : part.kind === "removed" ? (
              <del key={index}>{part.text}</del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      ) : (
        <p className="secondary">Nothing: the document reads the same now.</p>
      )}
      <h2>The document then</h2>
      {/* Rendered on the server from the version and sanitised by an allowlist. */}
      <div className="prose prose--static" dangerouslySetInnerHTML={{ __html: version.html }} />
    </>
  );
}
