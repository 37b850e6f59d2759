import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PrincipleAgreement } from "../components/PrincipleAgreement";
import { agreeWithPrinciples, mayAgree, summariseAgreement } from "../lib/agreements.server";
import { requireCity } from "../lib/auth.server";
import { requireDocumentOfCity } from "../lib/documents.server";
import { asResponse, formFailure, readForm } from "../lib/forms.server";

/**
 * Agreement with a city's guiding principles. The document's page shows the same and posts here;
 * this page is what a browser without JavaScript lands on after agreeing.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug);
  const documentId = params.id ?? "";
  const document = await requireDocumentOfCity(context.db, { cityId: city.id, documentId }).catch(asResponse);
  const agreement = await summariseAgreement({ db: context.db, cityId: city.id, documentId }).catch(
    asResponse,
  );
  return json({
    city: { slug: city.slug, name: city.name },
    document: { id: document.id, title: document.title, archived: document.archivedAt !== null },
    userId: user.id,
    mayAgree: mayAgree(context.actor, city.id),
    agreement,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Agreement with ${data.document.title} · ${data.city.name} · SCF Workspace`
      : "SCF Workspace",
  },
];

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "edit");
  const values = await readForm(request);
  try {
    const version = await agreeWithPrinciples({
      db: context.db,
      actor: context.actor,
      cityId: city.id,
      documentId: params.id ?? "",
      userId: user.id,
    });
    return json({ ok: true as const, version });
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Agreement() {
  const { city, document, userId, mayAgree: userMayAgree, agreement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/c/${city.slug}/docs/${document.id}`;
  return (
    <>
      <p>
        <Link to={base}>Back to the document</Link>
      </p>
      <h1>
        <span className="caption">{document.title}</span>Agreement
      </h1>
      <PrincipleAgreement
        agreement={agreement}
        base={base}
        userId={userId}
        mayAgree={userMayAgree}
        archived={document.archived}
        result={result}
        heading={false}
      />
    </>
  );
}
