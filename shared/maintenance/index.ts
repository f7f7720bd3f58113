/**
 * Maintenance windows (issue #3): the model, its validation and its occurrences, shared by the
 * engine and the console. docs/maintenance.md describes the rules.
 */
export * from './maintenanceModel.js';
export {
  validateMaintenanceWindow,
  parseMaintenanceWindow,
  InvalidMaintenanceWindowError,
  type MaintenanceProblem,
  type MaintenanceProblemCode,
} from './maintenanceValidation.js';
export {
  occurrencesBetween,
  occurrenceAt,
  isInMaintenance,
  nextOccurrence,
  MaintenanceRangeError,
  type Occurrence,
} from './occurrences.js';
