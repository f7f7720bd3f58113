import type { z } from 'zod';
import type { TransportError } from '../../transport/transport.js';

/**
 * Errors of a manage form: a sentence per field (keyed by the API's dotted path, `name`,
 * `levels.0.targets`), shown next to the field, and one for the form as a whole.
 */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  /** What is wrong with no field to show it at (or every field error, for a screen reader). */
  readonly form: string | null;
}

export const noErrors: FormErrors = { fields: {}, form: null };

export const hasErrors = (errors: FormErrors) =>
  errors.form !== null || Object.keys(errors.fields).length > 0;

/** `a name is required` → `A name is required.` */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const first = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The first message per path of a failed zod parse. */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= sentence(issue.message);
  }
  return fields;
}

/** Engine codes that name one field of the request. */
const codeFields: Partial<Record<string, string>> = {
  email_taken: 'email',
  team_name_taken: 'name',
  escalation_policy_not_found: 'escalationPolicyId',
};

/**
 * An engine's refusal as form errors: its `issues` next to the fields they name (when the form
 * has them), a code that names a field there, and the sentence for the form as a whole.
 */
export function formErrorsFromServer(
  error: TransportError,
  formFields: readonly string[],
): FormErrors {
  const fields: Record<string, string> = {};
  const shown = (path: string) =>
    formFields.some((field) => path === field || path.startsWith(`${field}.`));
  for (const issue of error.issues ?? []) {
    if (shown(issue.path)) fields[issue.path] ??= sentence(issue.message);
  }
  const field = codeFields[error.code];
  if (field && formFields.includes(field) && Object.keys(fields).length === 0) {
    fields[field] = sentence(error.message);
  }
  return { fields, form: sentence(error.message) };
}

/** The error of `path`, or of a path under it (`levels.0.targets.1.id` under `levels.0.targets`). */
export function errorAt(errors: FormErrors, path: string): string | undefined {
  const exact = errors.fields[path];
  if (exact) return exact;
  const prefix = `${path}.`;
  for (const [key, message] of Object.entries(errors.fields)) {
    if (key.startsWith(prefix)) return message;
  }
  return undefined;
}

/**
 * The id and aria attributes of field `name` of a form whose ids start with `prefix`
 * (`source-name`, described by `source-name-error`: the FieldError's id).
 */
export function fieldAttributes(prefix: string, name: string, errors: FormErrors) {
  return {
    id: `${prefix}-${name}`,
    'aria-invalid': errors.fields[name] ? true : undefined,
    'aria-describedby': `${prefix}-${name}-error`,
  };
}
