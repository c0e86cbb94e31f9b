const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'narrow' });

/** "5 min. ago" and the like, for a timestamp of the API. */
export function ago(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return 'now';
}

const numbers = new Intl.NumberFormat('en', { notation: 'compact' });

export function compact(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : numbers.format(value);
}

/**
 * The points of an inline SVG sparkline of per-window counts, scaled into a box; the
 * line sits on the bottom when every count is zero.
 */
export function sparklinePoints(counts: readonly number[], width: number, height: number): string {
  if (counts.length === 0) {
    return '';
  }
  const max = Math.max(1, ...counts);
  const step = counts.length === 1 ? 0 : width / (counts.length - 1);
  return counts
    .map((count, i) => {
      const x = counts.length === 1 ? width / 2 : i * step;
      const y = height - (count / max) * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
