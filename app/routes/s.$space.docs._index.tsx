import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LIMITS } from "../../shared/validation";
import { ErrorSummary, TextField } from "../components/form";
import { can } from "../lib/cities.server";
import { formFailure, readForm } from "../lib/forms.server";
import { createSpaceDocument, listDocuments, requireSpace } from "../lib/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Documents · ${data.space.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { view } = await requireSpace(context, request, params.space);
  const documents = await listDocuments(context.db, { spaceId: view.space.id, archived: false });
  return json({
    space: { slug: view.space.slug, name: view.space.name },
    mayEdit: can(context.actor, "edit", { type: "space", cityIds: view.cityIds }),
    documents: documents.map((document) => ({
      id: document.id,
      title: document.title,
      updatedAt: document.updatedAt.toISOString(),
      updatedByName: document.updatedByName,
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { user, view } = await requireSpace(context, request, params.space);
  const values = await readForm(request);
  try {
    const document = await createSpaceDocument(context.db, {
      actor: context.actor,
      view,
      userId: user.id,
      input: { kind: "page", title: values.title },
    });
    return redirect(`/s/${view.space.slug}/docs/${document.id}`);
  } catch (error) {
    return formFailure(error, values, "create");
  }
}

export default function SpaceDocuments() {
  const { space, mayEdit, documents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <ErrorSummary message={result?.message} fieldErrors={result?.fieldErrors} />
      <h1>Documents</h1>
      {documents.length === 0 ? (
        <p className="empty-state">There are no documents in this space yet.</p>
      ) : (
        <ul className="space-list">
          {documents.map((document) => (
            <li key={document.id} className="space-list__item">
              <Link to={`/s/${space.slug}/docs/${document.id}`}>{document.title}</Link>{" "}
              <span className="caption">
                changed{" "}
                {new Date(document.updatedAt).toLocaleString("en-GB", {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
                {document.updatedByName ? ` by ${document.updatedByName}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        <Form method="post" className="stack">
          <h2>New document</h2>
          <TextField
            name="title"
            label="Title"
            defaultValue={result?.values.title}
            maxLength={LIMITS.documentTitleLength}
            error={result?.fieldErrors.title}
            required
          />
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            Create document
          </button>
        </Form>
      ) : null}
    </>
  );
}
