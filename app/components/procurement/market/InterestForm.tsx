import { Form, useNavigation } from "@remix-run/react";
import { MARKET_LIMITS } from "../../../../shared/market";
import type { FieldErrors } from "../../../../shared/validation";
import { TextAreaField, TextField } from "../../form";

/** What a supplier writes to register interest in an opportunity, or to change what they wrote. */
export function InterestForm({
  values,
  errors,
  updating,
}: {
  values: { organisation?: string; contact?: string; message?: string };
  errors?: FieldErrors;
  updating: boolean;
}) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  return (
    <Form method="post" noValidate className="interest-form" preventScrollReset>
      <TextField
        name="organisation"
        label="Organisation"
        autoComplete="organization"
        maxLength={MARKET_LIMITS.organisationLength}
        defaultValue={values.organisation}
        error={errors?.organisation}
      />
      <TextField
        name="contact"
        label="Contact"
        hint="Who the city should talk to and how: a name with an email address or phone number"
        maxLength={MARKET_LIMITS.contactLength}
        defaultValue={values.contact}
        error={errors?.contact}
      />
      <TextAreaField
        name="message"
        label="Message"
        hint="What you could offer towards the outcome the city seeks, and any questions you have"
        maxLength={MARKET_LIMITS.messageLength}
        defaultValue={values.message}
        error={errors?.message}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? "Sending…" : updating ? "Update your interest" : "Register interest"}
      </button>
    </Form>
  );
}
