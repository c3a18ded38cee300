import { reservedNameRefusal } from '../users/system.ts';
import { text } from '../text/well-formed.ts';

/** WorkMail's GroupName: 1–256 printable Latin-1 characters (spaces allowed: "Sales Team"). */
export const GROUP_NAME_MAX_LENGTH = 256;

export const groupNameSchema = text()
  .trim()
  .min(1, 'Group name is required.')
  .max(GROUP_NAME_MAX_LENGTH, `Group name must be at most ${GROUP_NAME_MAX_LENGTH} characters.`)
  .regex(/^[\u0020-\u00FF]+$/, 'Group name may contain only Basic Latin and Latin-1 characters.');

/** Creating or renaming a group refuses the mail system's reserved names. */
export const newGroupNameSchema = groupNameSchema.superRefine((name, ctx) => {
  const refused = reservedNameRefusal(name, 'group');
  if (refused) ctx.addIssue({ code: 'custom', message: refused.message });
});

/** The part before the @ proposed for a group's address: its name in lower case, with hyphens for spaces and the like. */
export const groupLocalPartFor = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
