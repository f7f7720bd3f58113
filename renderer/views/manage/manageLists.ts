/** Plain helpers of the manage lists (sorted the way people look things up: by name). */

export function byName<T extends { readonly name: string; readonly id: string }>(
  items: Iterable<T>,
): T[] {
  return [...items].sort(
    (a, b) =>
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  );
}

/** The alert sources that name policy `policyId`. */
export function sourcesUsingPolicy<T extends { readonly escalationPolicyId: string | null }>(
  sources: Iterable<T>,
  policyId: string,
): T[] {
  return [...sources].filter((s) => s.escalationPolicyId === policyId);
}
