const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** As the AWS console shows times: full date, time and zone. `-` when absent. */
export const formatDateTime = (date: Date | null | undefined) => (date ? dateTime.format(date) : '-');
