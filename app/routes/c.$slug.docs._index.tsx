import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, isDocumentKind } from "../../shared/documents";
import { LIMITS } from "../../shared/validation";
import { ErrorSummary, SelectField, TextField } from "../components/form";
import { ConfirmPanel, Notice } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { can } from "../lib/cities.server";
import { createDocument, deleteDocument, listDocumentsOfCity, setArchived } from "../lib/documents.server";
import { validationError } from "../lib/errors.server";
import { formFailure, readForm } from "../lib/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Documents · ${data.city.name} · SCF Workspace` : "Documents · SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const showArchived = new URL(request.url).searchParams.get("archived") === "1";
  const documents = await listDocumentsOfCity(context.db, { cityId: city.id, archived: showArchived });
  const cityResource = { type: "city", id: city.id } as const;
  return json({
    city: { slug: city.slug, name: city.name },
    showArchived,
    canEdit: can(context.actor, "edit", cityResource),
    canDelete: can(context.actor, "deleteDocument", cityResource),
    documents: documents.map((document) => ({
      id: document.id,
      title: document.title,
      kind: document.kind,
      updatedAt: document.updatedAt.toISOString(),
      updatedByName: document.updatedByName,
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const values = await readForm(request);
  const intent = values.intent ?? "";
  const needed = intent === "delete" ? "deleteDocument" : "edit";
  const { city, user } = await requireCity(context, request, params.slug, needed);
  const documentId = values.documentId ?? "";
  try {
    switch (intent) {
      case "create": {
        const document = await createDocument(context.db, {
          cityId: city.id,
          createdBy: user.id,
          input: values,
        });
        return redirect(`/c/${city.slug}/docs/${document.id}`);
      }
      case "archive":
      case "restore":
        await setArchived(context.db, { cityId: city.id, documentId, archived: intent === "archive" });
        return json({ ok: true as const, intent, message: intent === "archive" ? "Archived" : "Restored" });
      case "delete": {
        const deleted = await deleteDocument(context.db, { cityId: city.id, documentId });
        return json({ ok: true as const, intent, message: `“${deleted.title}” was deleted` });
      }
      default:
        throw validationError({}, "That action is not known");
    }
  } catch (error) {
    return formFailure(error, values, intent);
  }
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export default function Documents() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const failure = result && !result.ok ? result : undefined;
  const createFailure = failure?.intent === "create" ? failure : undefined;
  const deleting = data.documents.find((document) => document.id === searchParams.get("delete"));
  const base = `/c/${data.city.slug}/docs`;

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok && result.intent === "delete" ? <Notice title={result.message} /> : null}
      {deleting && data.canDelete ? (
        <ConfirmPanel
          title={`Delete “${deleting.title}”?`}
          confirmLabel="Delete document"
          fields={{ intent: "delete", documentId: deleting.id }}
          action={`${base}${data.showArchived ? "?archived=1" : ""}`}
          cancelTo={data.showArchived ? "?archived=1" : "."}
        >
          <p>The document and its whole history are removed for everyone. This cannot be undone.</p>
        </ConfirmPanel>
      ) : null}

      <h1>{data.showArchived ? "Archived documents" : "Documents"}</h1>
      <p>
        {data.showArchived ? (
          <Link to={base}>Back to current documents</Link>
        ) : (
          <Link to="?archived=1">Archived documents</Link>
        )}
      </p>

      {data.documents.length === 0 ? (
        <p className="empty-state">
          {data.showArchived ? "Nothing has been archived." : "There are no documents yet."}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">
              {data.showArchived ? "Archived documents" : "Documents"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Last changed</th>
                {data.canEdit ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.documents.map((document) => (
                <tr key={document.id}>
                  <td>
                    <Link to={`${base}/${document.id}`}>{document.title}</Link>
                  </td>
                  <td data-label="Kind">
                    {isDocumentKind(document.kind) ? DOCUMENT_KIND_LABELS[document.kind] : document.kind}
                  </td>
                  <td data-label="Last changed">
                    {formatDate(document.updatedAt)}
                    {document.updatedByName ? ` by ${document.updatedByName}` : ""}
                  </td>
                  {data.canEdit ? (
                    <td data-label="Actions">
                      <div className="inline-form">
                        <Form method="post" preventScrollReset>
                          <input
                            type="hidden"
                            name="intent"
                            value={data.showArchived ? "restore" : "archive"}
                          />
                          <input type="hidden" name="documentId" value={document.id} />
                          <button type="submit" className="link-button">
                            {data.showArchived ? "Restore" : "Archive"}
                            <span className="visually-hidden"> {document.title}</span>
                          </button>
                        </Form>
                        {data.canDelete ? (
                          <Link to={`?${data.showArchived ? "archived=1&" : ""}delete=${document.id}`}>
                            Delete<span className="visually-hidden"> {document.title}</span>
                          </Link>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.canEdit && !data.showArchived ? (
        <>
          <h2>New document</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="create" />
            <TextField
              name="title"
              label="Title"
              maxLength={LIMITS.documentTitleLength}
              defaultValue={createFailure?.values.title}
              error={createFailure?.fieldErrors.title}
            />
            <SelectField
              name="kind"
              label="Kind"
              options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }))}
              defaultValue={createFailure?.values.kind ?? "page"}
              error={createFailure?.fieldErrors.kind}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Create document
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
