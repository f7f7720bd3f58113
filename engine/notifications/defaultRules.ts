import type { WriteTx } from '../store/store.js';

/**
 * The rules every new user starts with (docs/notifications.md, "Defaults"): the console at once
 * for HIGH and LOW alerts, email after 5 minutes for HIGH ones (someone away from the console
 * still hears of what nobody took), and a console notice 15 minutes before an on-call shift.
 * Migration 005 gave the same to users who existed before notification rules: keep them equal.
 */
export const defaultNotificationRules = [
  { channel: 'console', delayMinutes: 0, priority: 'HIGH', address: null },
  { channel: 'console', delayMinutes: 0, priority: 'LOW', address: null },
  { channel: 'email', delayMinutes: 5, priority: 'HIGH', address: null },
] as const;

export const defaultOnCallNotificationRules = [
  { channel: 'console', minutesBefore: 15, address: null },
] as const;

/** Gives a new user the default rules, in the transaction that creates the user. */
export async function addDefaultNotificationRules(
  tx: WriteTx,
  userId: number,
  now: number,
): Promise<void> {
  for (const rule of defaultNotificationRules) {
    await tx.notificationRules.insert({ ...rule, userId, createdAt: now, updatedAt: now });
  }
  for (const rule of defaultOnCallNotificationRules) {
    await tx.notificationRules.insertOnCall({ ...rule, userId, createdAt: now, updatedAt: now });
  }
}
