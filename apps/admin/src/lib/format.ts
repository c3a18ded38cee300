import type { ListTotal } from '@mailyard/core/pagination';

const long = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

const short = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** As the AWS console shows times on detail pages: full date, time and zone. `-` when absent. */
export const formatDateTime = (date: Date | null | undefined) => (date ? long.format(date) : '-');

/** The compact form for table cells. */
export const formatDateTimeShort = (date: Date | null | undefined) => (date ? short.format(date) : '-');

const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A day for a narrow table column ("Dec 5, 2026"); the cell's title gives the time. `-` when absent. */
export const formatDay = (date: Date | null | undefined) => (date ? day.format(date) : '-');

const number = (n: number) => n.toLocaleString('en-US');

/** A list's total as the console says it: "312", or "about 120,000" when the server could only estimate it. */
export const totalText = (total: ListTotal) => (total.exact ? number(total.count) : `about ${number(total.count)}`);
