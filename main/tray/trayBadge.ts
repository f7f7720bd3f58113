/**
 * Which tray icon to show (pure): a badge with the number of pending alerts that matter, coloured
 * by the highest priority among them. The icons are pre-rendered PNGs in resources/tray/
 * (scripts/renderIcons.ts), one per variant and label, because a tray cannot draw text itself
 * on every platform.
 */
export type BadgeVariant = 'none' | 'low' | 'high';

export interface TrayCounts {
  /** PENDING alerts assigned to me or whose last escalation step reached me. */
  readonly pendingForMe: number;
  readonly pendingOverall: number;
  readonly highForMe: number;
  readonly highOverall: number;
}

export interface TrayBadge {
  readonly variant: BadgeVariant;
  /** '' for none, '1'…'9', or '9+'. */
  readonly label: string;
  /** The file in resources/tray/ without its extension. */
  readonly iconName: string;
  readonly tooltip: string;
}

export const zeroCounts: TrayCounts = {
  pendingForMe: 0,
  pendingOverall: 0,
  highForMe: 0,
  highOverall: 0,
};

/** A count as a badge shows it: at most one digit, then "9+". */
export function badgeLabel(count: number): string {
  if (count <= 0) return '';
  return count > 9 ? '9+' : String(Math.floor(count));
}

export function iconName(variant: BadgeVariant, label: string): string {
  return variant === 'none' || label === ''
    ? 'tray-none'
    : `tray-${variant}-${label.replace('+', 'plus')}`;
}

/** Every icon name the tray may ask for: what the icon script renders. */
export function allIconNames(): { variant: BadgeVariant; label: string; name: string }[] {
  const labels = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9+'];
  const variants: BadgeVariant[] = ['low', 'high'];
  return [
    { variant: 'none', label: '', name: 'tray-none' },
    ...variants.flatMap((variant) =>
      labels.map((label) => ({ variant, label, name: iconName(variant, label) })),
    ),
  ];
}

/**
 * What reaches me comes first: with anything pending for me, the badge counts those (red when
 * one of them is HIGH). With nothing for me, it counts everything pending, so a wall operator
 * still sees the floor's load at a glance.
 */
export function chooseBadge(counts: TrayCounts, paused = false): TrayBadge {
  const mine = counts.pendingForMe > 0;
  const count = mine ? counts.pendingForMe : counts.pendingOverall;
  const high = mine ? counts.highForMe > 0 : counts.highOverall > 0;
  const variant: BadgeVariant = count === 0 ? 'none' : high ? 'high' : 'low';
  const label = badgeLabel(count);
  const tooltip = [
    'Nocturne',
    `${counts.pendingForMe} pending for you, ${counts.pendingOverall} pending overall`,
    ...(paused ? ['notifications paused'] : []),
  ].join(' — ');
  return { variant, label, iconName: iconName(variant, label), tooltip };
}

export function addCounts(list: readonly TrayCounts[]): TrayCounts {
  return list.reduce(
    (sum, c) => ({
      pendingForMe: sum.pendingForMe + c.pendingForMe,
      pendingOverall: sum.pendingOverall + c.pendingOverall,
      highForMe: sum.highForMe + c.highForMe,
      highOverall: sum.highOverall + c.highOverall,
    }),
    zeroCounts,
  );
}
