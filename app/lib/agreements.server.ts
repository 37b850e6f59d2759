// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export {
  AGREED_DOCUMENT_KIND,
  agreeWithPrinciples,
  mayAgree,
  summariseAgreement,
} from "../../server/documents/agreements";
