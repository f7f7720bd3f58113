import type { AnyConfigKind } from '../configKind.js';
import { alertSourcesKind } from './alertSources.js';
import { escalationPoliciesKind } from './escalationPolicies.js';
import { heartbeatMonitorsKind } from './heartbeatMonitors.js';
import { maintenanceWindowsKind } from './maintenanceWindows.js';
import { schedulesKind } from './schedules.js';
import { teamsKind } from './teams.js';
import { usersKind } from './users.js';

/**
 * Every kind configuration as code manages, in dependency order: each kind may refer only to
 * kinds before it. Apply creates and changes in this order and deletes in reverse; the file's
 * sections and export follow it too. A new kind joins with one module
 * and one line here.
 */
export const configKinds: readonly AnyConfigKind[] = [
  usersKind,
  teamsKind,
  schedulesKind,
  escalationPoliciesKind,
  alertSourcesKind,
  heartbeatMonitorsKind,
  maintenanceWindowsKind,
];
