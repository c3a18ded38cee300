import { z } from 'zod';
import { pageInput } from '../pagination/cursor.ts';
import { text } from '../text/well-formed.ts';
import { directoryId } from './ids.ts';
import { directoryPresets } from './presets.ts';

/** An attribute or object class name as LDAP spells it (RFC 4512 `descr`), or a numeric OID. */
const attributeName = (label: string) =>
  text()
    .trim()
    .min(1, `${label} is required.`)
    .max(128, `${label} must be at most 128 characters.`)
    .regex(/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)$/, `${label} must be an LDAP attribute name (letters, digits and hyphens, starting with a letter).`);

const optionalAttribute = (label: string) =>
  text()
    .trim()
    .max(128, `${label} must be at most 128 characters.`)
    .regex(/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)?$/, `${label} must be an LDAP attribute name, or empty when the directory has none.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

/** A distinguished name: `attr=value` pairs separated by commas; its escapes are the directory's business. */
const distinguishedName = (label: string) =>
  text()
    .trim()
    .min(1, `${label} is required.`)
    .max(1024, `${label} must be at most 1024 characters.`)
    .regex(/^[A-Za-z][A-Za-z0-9-]*=[^,]+(,\s*[A-Za-z][A-Za-z0-9-]*=[^,]+)*$/, `${label} must be a distinguished name such as "ou=people,dc=example,dc=org".`);

export const directoryUrl = text()
  .trim()
  .min(1, 'Directory URL is required.')
  .max(512, 'Directory URL must be at most 512 characters.')
  .regex(/^ldaps?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/, 'Directory URL must be ldap://host[:port] or ldaps://host[:port].');

const caCertificate = text()
  .trim()
  .max(65_536, 'CA certificate must be at most 64 KiB.')
  .refine((v) => v === '' || /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(v), 'CA certificate must be PEM ("-----BEGIN CERTIFICATE-----" …).')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

export const AttributeMappingSchema = z.object({
  uniqueId: attributeName('Unique id attribute'),
  userName: attributeName('User name attribute'),
  displayName: attributeName('Display name attribute'),
  firstName: optionalAttribute('First name attribute'),
  lastName: optionalAttribute('Last name attribute'),
  email: optionalAttribute('Email attribute'),
  telephone: optionalAttribute('Telephone attribute'),
  department: optionalAttribute('Department attribute'),
  jobTitle: optionalAttribute('Job title attribute'),
  groupName: attributeName('Group name attribute'),
  groupEmail: optionalAttribute('Group email attribute'),
  groupMember: attributeName('Group member attribute'),
});

const connectionFields = {
  preset: z.enum(directoryPresets, 'Preset must be OpenLDAP or ActiveDirectory.'),
  url: directoryUrl,
  startTls: z.boolean().default(false),
  caCertificate,
  bindDn: distinguishedName('Bind DN'),
  bindPassword: text().min(1, 'Bind password is required.').max(256, 'Bind password must be at most 256 characters.'),
  userBaseDn: distinguishedName('User base DN'),
  groupBaseDn: distinguishedName('Group base DN'),
  userObjectClass: attributeName('User object class'),
  groupObjectClass: attributeName('Group object class'),
  mapping: AttributeMappingSchema,
};

/** StartTLS upgrades a plain connection; an ldaps:// one is TLS from the first byte. */
function startTlsOnPlainOnly(s: { startTls: boolean; url: string }, ctx: z.RefinementCtx) {
  if (s.startTls && s.url.startsWith('ldaps://')) {
    ctx.addIssue({ code: 'custom', path: ['startTls'], message: 'StartTLS applies to ldap:// URLs only: an ldaps:// connection is already encrypted.' });
  }
}

/** How to reach and read the directory: what *Test connection* tries before anything is saved. */
export const DirectoryConnectionSettings = z.object(connectionFields).superRefine(startTlsOnPlainOnly);
export type DirectoryConnectionSettings = z.infer<typeof DirectoryConnectionSettings>;

export const directoryName = text()
  .trim()
  .min(1, 'Name is required.')
  .max(64, 'Name must be at most 64 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Name may contain letters, digits, spaces, dots, underscores and hyphens, starting with a letter or digit.');

export const RegisterDirectoryInput = z.object({ name: directoryName, ...connectionFields }).superRefine(startTlsOnPlainOnly);
export type RegisterDirectoryInput = z.infer<typeof RegisterDirectoryInput>;

export const DirectoryRef = z.object({ directoryId });
export type DirectoryRef = z.infer<typeof DirectoryRef>;

/** *Sync now*: `confirmMassRemoval` lets a sync disable more than half of the directory's users at once. */
export const SyncDirectoryInput = z.object({ directoryId, confirmMassRemoval: z.boolean().default(false) });
export type SyncDirectoryInput = z.infer<typeof SyncDirectoryInput>;

export const ListDirectoriesInput = z.object({ ...pageInput });
