import { text } from '../text/well-formed.ts';

/** WorkMail's DirectoryId shape: `d-` + 10 lowercase hex digits, from 5 random bytes supplied by the caller. */
export function directoryIdFrom(bytes: Uint8Array): string {
  if (bytes.length !== 5) throw new RangeError('a directory id needs 5 random bytes');
  return `d-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const DIRECTORY_ID_PATTERN = /^d-[0-9a-f]{10}$/;

export const directoryId = text().regex(DIRECTORY_ID_PATTERN, 'Directory id must be "d-" followed by 10 lowercase hexadecimal digits.');
