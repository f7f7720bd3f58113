import { z } from 'zod';

/**
 * Stable, machine-readable error codes. A client branches on `code`, a person reads `message`.
 * Never rename a code; add new ones. Documented in docs/api.md.
 */
export const ErrorCode = z.enum([
  // The request itself
  'invalid_json',
  'invalid_utf8',
  'unsupported_media_type',
  'payload_too_large',
  'too_deeply_nested',
  'array_too_long',
  'invalid_request',
  'unknown_event_type',
  'invalid_cursor',
  'not_found',
  // Who is asking
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'unknown_integration_key',
  'rate_limited',
  // The state of things
  'alert_not_found',
  'alert_source_not_found',
  'user_not_found',
  'team_not_found',
  'token_not_found',
  'email_taken',
  'team_name_taken',
  'last_admin',
  'illegal_transition',
  // On-call schedules
  'schedule_not_found',
  'override_not_found',
  'invalid_schedule',
  'version_conflict',
  'version_required',
  'range_too_large',
  // Escalation policies
  'escalation_policy_not_found',
  'invalid_escalation_policy',
  'escalation_policy_in_use',
  // Notifications
  'notification_rule_not_found',
  'duplicate_notification_rule',
  'too_many_notification_rules',
  'webhook_target_not_allowed',
  // Heartbeat monitors and maintenance windows
  'heartbeat_monitor_not_found',
  'unknown_heartbeat_key',
  'maintenance_window_not_found',
  'invalid_maintenance_window',
  // The engine
  'store_unavailable',
  'shutting_down',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** The body of every error answer of the REST API (and the ilert and Alertmanager endpoints). */
export const ApiErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(ErrorIssue).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
