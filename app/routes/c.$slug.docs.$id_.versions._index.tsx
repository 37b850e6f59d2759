import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "../components/form";
import { requireCity } from "../lib/auth.server";
import { can } from "../lib/cities.server";
import { requireDocumentOfCity } from "../lib/documents.server";
import { asResponse, formFailure, readForm } from "../lib/forms.server";
import { listDocumentVersions, takeNamedVersion } from "../lib/versions.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const documentId = params.id ?? "";
  const document = await requireDocumentOfCity(context.db, { cityId: city.id, documentId }).catch(asResponse);
  const versions = await listDocumentVersions({ db: context.db, cityId: city.id, documentId });
  return json({
    city: { slug: city.slug, name: city.name },
    document: { id: document.id, title: document.title },
    canEdit: can(context.actor, "edit", { type: "city", id: city.id }),
    versions: versions.map((version) => ({ ...version, createdAt: version.createdAt.toISOString() })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History of ${data.document.title} · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "edit");
  const values = await readForm(request);
  try {
    const versionId = await takeNamedVersion({
      db: context.db,
      cityId: city.id,
      documentId: params.id ?? "",
      userId: user.id,
      name: values.name,
    });
    return redirect(`/c/${city.slug}/docs/${params.id}/versions/${versionId}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Versions() {
  const { city, document, canEdit, versions } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/c/${city.slug}/docs/${document.id}`;
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <p>
        <Link to={base}>Back to the document</Link>
      </p>
      <h1>
        <span className="caption">{document.title}</span>History
      </h1>
      {canEdit ? (
        <Form method="post" noValidate className="inline-fields">
          <TextField
            name="name"
            label="Save the document as it is now"
            hint="Name the version, for example “Agreed at the strategy board, March”."
            defaultValue={failure?.values.name}
            error={failure?.fieldErrors.name}
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Save version
          </button>
        </Form>
      ) : null}
      {versions.length === 0 ? (
        <p className="empty-state">
          No versions yet. A version is kept automatically after each stretch of editing, and whenever someone
          saves one by name.
        </p>
      ) : (
        <ol className="versions">
          {versions.map((version, index) => (
            <li key={version.id}>
              {/* Numbered from the oldest, as agreements with the guiding principles name them. */}
              <span className="versions__number">Version {versions.length - index}:</span>{" "}
              <Link to={`${base}/versions/${version.id}`}>{version.name ?? "Automatic version"}</Link>{" "}
              <span className="secondary">
                {new Date(version.createdAt).toLocaleString("en-GB", {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
                {version.createdByName ? `, ${version.createdByName}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
