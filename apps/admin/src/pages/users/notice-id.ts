let last = 0;

/** A fresh id for a notification that must not replace an earlier one of the same kind. */
export const noticeId = (prefix: string) => `${prefix}-${++last}`;
