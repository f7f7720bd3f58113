/**
 * Alert keys (ilert alertKey, PagerDuty dedup_key, Alertmanager fingerprint) are compared
 * case-insensitively, as ilert does: `Disk-Full` and `disk-full` are one alert.
 */
export function normalizeAlertKey(key: string): string {
  return key.toLowerCase();
}
