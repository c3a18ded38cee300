import { z } from 'zod';
import { text } from '../text/well-formed.ts';

/** WorkMail's UserAttribute: at most 256 characters. */
export const USER_ATTRIBUTE_MAX_LENGTH = 256;

/** The personal-data fields of "Editing user details", with their form labels (also used in error messages). */
export const userAttributeLabels = {
  displayName: 'Display name',
  firstName: 'First name',
  lastName: 'Last name',
  initials: 'Initials',
  telephone: 'Telephone',
  street: 'Street',
  city: 'City',
  zipCode: 'ZIP code',
  country: 'Country',
  company: 'Company',
  department: 'Department',
  jobTitle: 'Job title',
  office: 'Office',
} as const;
export type UserAttribute = keyof typeof userAttributeLabels;
export const userAttributes = Object.keys(userAttributeLabels) as UserAttribute[];

/**
 * Control characters have no place in a name or an address-book field: a line break would split the header a
 * display name goes into, and PostgreSQL refuses a NUL outright.
 */
export const hasControlCharacters = (s: string) => Array.from(s).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** A trimmed attribute whose messages name the field and the rule. */
export const userAttribute = (field: UserAttribute) =>
  text()
    .trim()
    .max(USER_ATTRIBUTE_MAX_LENGTH, `${userAttributeLabels[field]} must be at most ${USER_ATTRIBUTE_MAX_LENGTH} characters.`)
    .refine((v) => !hasControlCharacters(v), `${userAttributeLabels[field]} may not contain control characters such as line breaks.`);

export const displayNameSchema = userAttribute('displayName').min(1, 'Display name is required.');

/** Optional on create: an empty form box means "not set". */
export const optionalUserAttribute = (field: UserAttribute) =>
  userAttribute(field)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** Every personal-data field but the display name, each optional, as a new user gets them (import, migration). */
export const optionalUserDetailsFields = {
  firstName: optionalUserAttribute('firstName'),
  lastName: optionalUserAttribute('lastName'),
  initials: optionalUserAttribute('initials'),
  telephone: optionalUserAttribute('telephone'),
  street: optionalUserAttribute('street'),
  city: optionalUserAttribute('city'),
  zipCode: optionalUserAttribute('zipCode'),
  country: optionalUserAttribute('country'),
  company: optionalUserAttribute('company'),
  department: optionalUserAttribute('department'),
  jobTitle: optionalUserAttribute('jobTitle'),
  office: optionalUserAttribute('office'),
};

/** On update: absent = unchanged, `null` or an empty box = cleared. */
export const clearableUserAttribute = (field: UserAttribute) =>
  userAttribute(field)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .optional();

/** Everything but the display name, which cannot be cleared. */
const clearable = Object.fromEntries(
  userAttributes.filter((f) => f !== 'displayName').map((f) => [f, clearableUserAttribute(f)]),
) as { [F in Exclude<UserAttribute, 'displayName'>]: ReturnType<typeof clearableUserAttribute> };

export const userDetailsFields = {
  displayName: displayNameSchema.optional(),
  ...clearable,
  /** Absent = unchanged (WorkMail's nullable BooleanObject). */
  hiddenFromGlobalAddressList: z.boolean().optional(),
};
