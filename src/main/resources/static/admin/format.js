// How the admin page writes numbers and dates.

/**
 * A share as a whole percentage; a share too small to round to 1% is "<1%", not "0%"; no share (null: nothing to
 * take a share of) is a dash.
 */
export const percent = (rate) => {
  if (rate === null) {
    return '–';
  }
  return rate > 0 && rate < 0.005 ? '<1%' : `${Math.round(rate * 100)}%`;
};

/** The share of the whole a part is; null when the whole is nothing. */
export const share = (part, whole) => (whole ? part / whole : null);

/** A number of things, with the noun in the plural unless there is one: "1 time", "3 fallbacks". */
export const counted = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A UTC day (2026-01-31) as a short label in the reader's language. */
export const dayLabel = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined,
  { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** An instant in the reader's time zone and language. */
export const dateTime = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
