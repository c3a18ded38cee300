import { reservedNameRefusal } from '../users/system.ts';
import { text } from '../text/well-formed.ts';

/** WorkMail's ResourceName: 1–20 characters, letters, digits, `_`, `-` and `.`, optionally `@domain.tld` after them. */
export const RESOURCE_NAME_MAX_LENGTH = 20;
const RESOURCE_NAME_PATTERN = /^[\w\-.]+(@[a-zA-Z0-9.-]+\.[a-zA-Z0-9-]{2,})?$/;

export const resourceNameSchema = text()
  .trim()
  .min(1, 'Resource name is required.')
  .max(RESOURCE_NAME_MAX_LENGTH, `Resource name must be at most ${RESOURCE_NAME_MAX_LENGTH} characters.`)
  .regex(RESOURCE_NAME_PATTERN, 'Resource name may contain only letters, digits, "_", "-" and "." (and an @domain after them).');

/** Creating or renaming a resource refuses the mail system's reserved names, as for users and groups. */
export const newResourceNameSchema = resourceNameSchema.superRefine((name, ctx) => {
  const refused = reservedNameRefusal(name, 'resource');
  if (refused) ctx.addIssue({ code: 'custom', message: refused.message });
});

/** WorkMail's ResourceDescription: at most 64 characters. */
export const RESOURCE_DESCRIPTION_MAX_LENGTH = 64;
export const resourceDescriptionSchema = text()
  .trim()
  .max(RESOURCE_DESCRIPTION_MAX_LENGTH, `Description must be at most ${RESOURCE_DESCRIPTION_MAX_LENGTH} characters.`);
