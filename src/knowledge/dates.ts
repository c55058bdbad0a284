import type { PartialDate } from './types.js';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why a partial ISO date is not a real date, or null when it is one. */
export function dateProblem(date: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return `date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return null;
  const month = Number(m);
  if (month < 1 || month > 12) return `date ${date} has no month ${m}`;
  if (d === undefined) return null;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `date ${date} does not exist`;
  return null;
}

/** "December 2018", "23 March 2023", "2019": each date at its own precision. */
export function formatDate(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** Orders partial dates by the start of the period they name; the coarser one first on a tie. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const key = (date: string) => date.padEnd(10, ' ');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** True when the period a date names overlaps [from, to] (both optional, both partial). */
export function dateWithin(date: PartialDate, from?: PartialDate, to?: PartialDate): boolean {
  // A period's last possible day is what matters against `from`, its first against `to`.
  const start = date.padEnd(10, '-00').slice(0, 10);
  const end = `${date}${'-99-99'.slice(date.length - 4)}`.slice(0, 10);
  if (from !== undefined && end < from.padEnd(10, '-00').slice(0, 10)) return false;
  if (to !== undefined && start > `${to}${'-99-99'.slice(to.length - 4)}`.slice(0, 10)) return false;
  return true;
}
