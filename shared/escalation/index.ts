/**
 * Escalation policies (issue #3): the model, its validation, who a level reaches, the rules of
 * a step, and an alert's timeline — shared by the engine and the console. docs/escalation.md
 * describes the rules and this API.
 */
export * from './escalationPolicyModel.js';
export * from './policyProblems.js';
export {
  validateEscalationPolicy,
  parseEscalationPolicy,
  type KnownTargets,
} from './policyValidation.js';
export * from './escalationRecipients.js';
export * from './escalationDirectory.js';
export * from './escalationPlan.js';
export * from './alertEscalation.js';
export * from './escalationProjection.js';
export * from './timelineModel.js';
export * from './timelineText.js';
export * from './escalationTimeline.js';
export * from './replicaTimeline.js';
