export { validationError } from "../../server/errors";
