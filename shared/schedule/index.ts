/**
 * On-call schedules (issue #3): the model, its validation and its resolution, shared by the
 * engine and the console. docs/schedules.md describes the rules and this API.
 */
export * from './scheduleModel.js';
export { scheduleLimits } from './scheduleLimits.js';
export { validateSchedule, parseSchedule } from './scheduleValidation.js';
export {
  InvalidScheduleError,
  type ScheduleProblem,
  type ScheduleProblemCode,
} from './scheduleProblems.js';
export { ScheduleRangeError, type ScheduleRangeErrorCode } from './scheduleRange.js';
export {
  createScheduleResolver,
  nextHandoffs,
  onCallAt,
  renderSchedule,
  type ScheduleResolver,
} from './scheduleResolver.js';
export { layerUserAt, rotationTurnAt, type RotationTurn } from './rotation.js';
export type { Handoff, HandoffOptions, UpcomingHandoffs } from './handoffs.js';
export type { Gap, LayerLane, OnCall, RenderedSchedule, Shift, ShiftSource } from './shifts.js';
export { parseInstant, toZonedIso } from './instant.js';
