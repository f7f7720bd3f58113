import { CreateAlertSourceRequest } from '../../../../shared/api/alertSources.js';
import type { AlertSource } from '../../../../shared/domain/alertSource.js';
import { fieldErrorsFromZod, type FormErrors } from '../formErrors.js';

/** The alert source form as typed: text fields stay text until they are checked. */
export interface AlertSourceDraft {
  readonly name: string;
  /** `''`: no policy (nobody is paged). */
  readonly escalationPolicyId: string;
  /** Minutes as typed; `''`: none. */
  readonly ackTimeoutMinutes: string;
  readonly autoResolveMinutes: string;
}

export const alertSourceFields = [
  'name',
  'escalationPolicyId',
  'ackTimeoutMinutes',
  'autoResolveMinutes',
] as const;

export const emptyAlertSourceDraft: AlertSourceDraft = {
  name: '',
  escalationPolicyId: '',
  ackTimeoutMinutes: '',
  autoResolveMinutes: '',
};

export function draftOfAlertSource(source: AlertSource): AlertSourceDraft {
  return {
    name: source.name,
    escalationPolicyId: source.escalationPolicyId ?? '',
    ackTimeoutMinutes: source.ackTimeoutMinutes === null ? '' : String(source.ackTimeoutMinutes),
    autoResolveMinutes: source.autoResolveMinutes === null ? '' : String(source.autoResolveMinutes),
  };
}

/** `''` → null; digits → a number; anything else → NaN, which the schema refuses. */
function minutesOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function bodyOf(draft: AlertSourceDraft) {
  return {
    name: draft.name,
    escalationPolicyId: draft.escalationPolicyId === '' ? null : draft.escalationPolicyId,
    ackTimeoutMinutes: minutesOf(draft.ackTimeoutMinutes),
    autoResolveMinutes: minutesOf(draft.autoResolveMinutes),
  };
}

/** The schema's sentences speak of `null`; the form's field is simply left empty. */
function errorsOf(error: Parameters<typeof fieldErrorsFromZod>[0]): FormErrors {
  const fields = fieldErrorsFromZod(error);
  for (const [path, message] of Object.entries(fields)) {
    fields[path] = message.replace('or null for none', 'or empty for none');
  }
  return { fields, form: null };
}

export type FormResult<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly errors: FormErrors };

/**
 * The body of `POST /api/v1/alert-sources`, or what to fix, checked by the engine's own schema.
 * Also the `PATCH` body of an edit: the form sends every field (null clears a timeout).
 */
export function alertSourceBody(draft: AlertSourceDraft): FormResult<CreateAlertSourceRequest> {
  const parsed = CreateAlertSourceRequest.safeParse(bodyOf(draft));
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error) };
}
