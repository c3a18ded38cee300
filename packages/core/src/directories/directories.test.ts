import { describe, expect, it } from 'vitest';
import { directoryGroupFrom, directoryUserFrom, type DirectoryEntry } from './entries.ts';
import { connectionFailureRefusal } from './failures.ts';
import { directoryIdFrom, directoryId } from './ids.ts';
import { directoryManagedRefusal } from './managed.ts';
import { presetSettings } from './presets.ts';
import { DirectoryConnectionSettings, RegisterDirectoryInput } from './schemas.ts';
import { massRemovalRefusal, planUserSync } from './sync.ts';

const openldap = presetSettings.OpenLDAP;
const settings = {
  preset: 'OpenLDAP',
  url: 'ldap://ldap.example.org:389',
  bindDn: 'cn=mailyard,ou=services,dc=example,dc=org',
  bindPassword: 'secret',
  userBaseDn: 'ou=people,dc=example,dc=org',
  groupBaseDn: 'ou=groups,dc=example,dc=org',
  userObjectClass: openldap.userObjectClass,
  groupObjectClass: openldap.groupObjectClass,
  mapping: openldap.mapping,
};
const entry = (dn: string, attributes: Record<string, string[]>): DirectoryEntry => ({ dn, attributes });

describe('directory ids', () => {
  it('are d- and ten hex digits', () => {
    expect(directoryIdFrom(new Uint8Array([0, 1, 0xab, 0xff, 16]))).toBe('d-0001abff10');
    expect(directoryId.safeParse('d-0001abff10').success).toBe(true);
    expect(directoryId.safeParse('d-0001ABFF10').success).toBe(false);
    expect(() => directoryIdFrom(new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('connection settings', () => {
  it('take ldap:// and ldaps:// URLs and fill the defaults', () => {
    const parsed = DirectoryConnectionSettings.parse({ ...settings, caCertificate: '' });
    expect(parsed).toMatchObject({ startTls: false, caCertificate: null });
    expect(DirectoryConnectionSettings.safeParse({ ...settings, url: 'ldaps://[::1]:636' }).success).toBe(true);
  });

  it('name the field of each broken rule', () => {
    const result = RegisterDirectoryInput.safeParse({ ...settings, name: '', url: 'http://x', bindDn: 'not a dn', mapping: { ...openldap.mapping, userName: '1x' } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['name', 'Name is required.'],
        ['url', 'Directory URL must be ldap://host[:port] or ldaps://host[:port].'],
        ['bindDn', 'Bind DN must be a distinguished name such as "ou=people,dc=example,dc=org".'],
        ['mapping.userName', 'User name attribute must be an LDAP attribute name (letters, digits and hyphens, starting with a letter).'],
      ]),
    );
  });

  it('refuse StartTLS on an ldaps:// URL', () => {
    const result = DirectoryConnectionSettings.safeParse({ ...settings, url: 'ldaps://ldap.example.org', startTls: true });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['startTls']);
  });
});

describe('connection failures', () => {
  const at = { url: 'ldap://ldap.example.org', bindDn: 'cn=mailyard' };
  it('say what to check, on the field to fix', () => {
    expect(connectionFailureRefusal({ kind: 'bind_refused' }, at)).toMatchObject({ code: 'DIRECTORY.BIND_REFUSED', details: { field: 'bindPassword' } });
    expect(connectionFailureRefusal({ kind: 'unreachable', detail: 'connection refused' }, at).message).toContain('Check the host name and port');
    expect(connectionFailureRefusal({ kind: 'base_not_found', field: 'groupBaseDn', dn: 'ou=x' }, at)).toMatchObject({
      code: 'DIRECTORY.BASE_NOT_FOUND',
      message: 'The directory has no entry "ou=x": check the group base DN.',
      details: { field: 'groupBaseDn' },
    });
    expect(connectionFailureRefusal({ kind: 'tls', detail: 'self-signed certificate' }, at).details).toEqual({ field: 'caCertificate' });
  });
});

describe('entries', () => {
  it('map a user through the attribute mapping, falling back to the name for the display name', () => {
    const mapped = directoryUserFrom(entry('uid=ana,ou=people', { entryuuid: ['u1'], uid: ['ana'], mail: ['Ana@Example.org'], sn: ['Lopez'] }), openldap.mapping);
    expect(mapped).toEqual({
      ok: true,
      value: { entryId: 'u1', dn: 'uid=ana,ou=people', name: 'ana', displayName: 'ana', firstName: null, lastName: 'Lopez', email: 'ana@example.org', telephone: null, department: null, jobTitle: null },
    });
  });

  it('skip entries without an id, with a bad name or a reserved one, saying why', () => {
    expect(directoryUserFrom(entry('uid=a', { uid: ['a'] }), openldap.mapping)).toEqual({ ok: false, dn: 'uid=a', reason: 'it has no entryUUID' });
    expect(directoryUserFrom(entry('uid=a b', { entryuuid: ['1'], uid: ['a b'] }), openldap.mapping)).toMatchObject({ ok: false, reason: expect.stringContaining('is not a valid user name') });
    expect(directoryUserFrom(entry('uid=postmaster', { entryuuid: ['1'], uid: ['postmaster'] }), openldap.mapping)).toMatchObject({ ok: false, reason: expect.stringContaining('reserved') });
  });

  it('keep the member DNs of a group', () => {
    expect(directoryGroupFrom(entry('cn=all', { entryuuid: ['g'], cn: ['All staff'], member: ['uid=a', 'cn=sub'] }), openldap.mapping)).toMatchObject({
      ok: true,
      value: { name: 'All staff', memberDns: ['uid=a', 'cn=sub'] },
    });
  });
});

describe('sync plan', () => {
  const user = (entryId: string, name: string) => ({ entryId, dn: `uid=${name}`, name, displayName: name, firstName: null, lastName: null, email: null, telephone: null, department: null, jobTitle: null });
  it('adds, changes by entry id (a rename is a change), removes what is gone, and skips a second entry with one name', () => {
    const linked = [
      { id: '1', current: user('e1', 'ana'), removed: false },
      { id: '2', current: user('e2', 'bo'), removed: false },
      { id: '3', current: user('e3', 'cy'), removed: false },
      { id: '4', current: user('e4', 'di'), removed: true },
    ];
    const plan = planUserSync(linked, [user('e1', 'ana'), user('e2', 'bob'), user('e5', 'eve'), user('e6', 'EVE'), user('e4', 'di')].map((value) => ({ ok: true as const, value })));
    expect(plan.add.map((u) => u.name)).toEqual(['eve']);
    expect(plan.change.map((c) => [c.id, c.value.name])).toEqual([['2', 'bob'], ['4', 'di']]);
    expect(plan.remove.map((r) => r.id)).toEqual(['3']);
    expect(plan.unchanged).toBe(1);
    expect(plan.skipped).toEqual([{ dn: 'uid=EVE', reason: 'another entry already has the name "EVE"' }]);
  });

  it('waits for confirmation before disabling more than half the users', () => {
    expect(massRemovalRefusal(10, 5, false)).toBeNull();
    expect(massRemovalRefusal(10, 6, false)).toMatchObject({ code: 'DIRECTORY.MASS_REMOVAL', details: { field: 'confirmMassRemoval' } });
    expect(massRemovalRefusal(10, 6, true)).toBeNull();
    expect(massRemovalRefusal(0, 0, false)).toBeNull();
  });
});

describe('directory-managed users', () => {
  it('refuse what the directory owns and say where to change it', () => {
    expect(directoryManagedRefusal(false, 'password', 'corp')).toBeNull();
    expect(directoryManagedRefusal(true, 'password', 'corp')).toMatchObject({
      code: 'DIRECTORY.MANAGED',
      message: expect.stringContaining('its password is reset with the directory\'s own tools'),
    });
  });
});
