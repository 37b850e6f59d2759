import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { presenceColour } from "../../shared/collab";
import { DOCUMENT_KIND_LABELS, isDocumentKind } from "../../shared/documents";
import { LIMITS } from "../../shared/validation";
import { DocumentEditor } from "../components/editor/DocumentEditor";
import { ErrorSummary, TextField } from "../components/form";
import { PrincipleAgreement } from "../components/PrincipleAgreement";
import { AGREED_DOCUMENT_KIND, summariseAgreement } from "../lib/agreements.server";
import { requireCity } from "../lib/auth.server";
import { can, listMembers } from "../lib/cities.server";
import { renameDocument, requireDocumentOfCity } from "../lib/documents.server";
import { asResponse, formFailure, readForm } from "../lib/forms.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const document = await requireDocumentOfCity(context.db, {
    cityId: city.id,
    documentId: params.id ?? "",
  }).catch(asResponse);
  const mayEdit = can(context.actor, "edit", { type: "city", id: city.id });
  return json({
    city: { slug: city.slug, name: city.name },
    document: {
      id: document.id,
      title: document.title,
      kind: document.kind,
      archived: document.archivedAt !== null,
    },
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: (await listMembers(context.db, { cityId: city.id })).map((member) => ({
      id: member.userId,
      name: member.name,
    })),
    mayEdit,
    agreement:
      document.kind === AGREED_DOCUMENT_KIND
        ? await summariseAgreement({ db: context.db, cityId: city.id, documentId: document.id })
        : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.document.title} · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "edit");
  const values = await readForm(request);
  try {
    await renameDocument(context.db, {
      cityId: city.id,
      documentId: params.id ?? "",
      userId: user.id,
      title: values.title,
    });
    return json({ ok: true as const });
  } catch (error) {
    return formFailure(error, values, "rename");
  }
}

export default function DocumentPage() {
  const { city, document, user, mayEdit, members, agreement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [renaming, setRenaming] = useState(false);
  const failure = result && !result.ok ? result : undefined;
  const showRename = mayEdit && (renaming || Boolean(failure)) && navigation.state === "idle" && !result?.ok;
  const kind = isDocumentKind(document.kind) ? DOCUMENT_KIND_LABELS[document.kind] : document.kind;

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <p>
        <Link to={`/c/${city.slug}/docs`}>All documents</Link> ·{" "}
        <Link to={`/c/${city.slug}/docs/${document.id}/versions`}>History</Link>
      </p>
      {showRename ? (
        <Form method="post" className="rename-form" onSubmit={() => setRenaming(false)}>
          <TextField
            name="title"
            label="Title"
            defaultValue={failure?.values.title ?? document.title}
            maxLength={LIMITS.documentTitleLength}
            error={failure?.fieldErrors.title}
            autoFocus
          />
          <button type="submit" className="button button--small">
            Save title
          </button>{" "}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setRenaming(false)}
          >
            Cancel
          </button>
        </Form>
      ) : (
        <div className="document-heading">
          <span className="caption">{kind}</span>
          <h1>{document.title}</h1>
          {mayEdit && !document.archived ? (
            <button type="button" className="link-button" onClick={() => setRenaming(true)}>
              Rename<span className="visually-hidden"> {document.title}</span>
            </button>
          ) : null}
        </div>
      )}
      <div className="export-links" role="group" aria-label="Export">
        <a href={`/c/${city.slug}/docs/${document.id}/export.md`} download>
          Download as Markdown
        </a>
        <a href={`/c/${city.slug}/docs/${document.id}/export.html`} download>
          Download as HTML
        </a>
        <a href={`/c/${city.slug}/docs/${document.id}/print`}>Print view</a>
      </div>
      {document.archived ? (
        <div className="inset">
          <p>
            This document is archived: it can be read but not changed. Restore it from the list of archived
            documents.
          </p>
        </div>
      ) : null}
      {agreement ? (
        <PrincipleAgreement
          agreement={agreement}
          base={`/c/${city.slug}/docs/${document.id}`}
          userId={user.id}
          mayAgree={mayEdit}
          archived={document.archived}
        />
      ) : null}
      <DocumentEditor
        key={document.id}
        documentId={document.id}
        user={user}
        canEdit={mayEdit && !document.archived}
        label={document.title}
        commentsUrl={`/c/${city.slug}/docs/${document.id}/comments`}
        members={members}
      />
    </>
  );
}
