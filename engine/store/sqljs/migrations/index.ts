import { alertsCore } from './001_alertsCore.js';
import { teams } from './002_teams.js';
import { schedules } from './003_schedules.js';
import { dueWork } from './004_dueWork.js';
import { notifications } from './005_notifications.js';
import { escalation } from './006_escalation.js';
import { heartbeats } from './007_heartbeats.js';
import { maintenance } from './008_maintenance.js';
import type { Migration } from './migration.js';

/** Every migration this engine knows, one file each, listed here in version order. */
export const migrations: readonly Migration[] = [
  alertsCore,
  teams,
  schedules,
  dueWork,
  notifications,
  escalation,
  heartbeats,
  maintenance,
];
