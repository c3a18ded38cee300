import { SUFFIX } from './slapd.ts';

/**
 * The test directory: `users` people under ou=people (uid user001…, password `pw-user001`…), nested groups under
 * ou=groups (all-staff ⊃ engineering ⊃ backend, all-staff ⊃ sales), the service account Mailyard binds as, and an
 * Active-Directory-shaped subtree under ou=ad (sAMAccountName, userPrincipalName, objectGUID, memberOf).
 */
export const SERVICE_DN = `cn=mailyard,ou=services,${SUFFIX}`;
export const SERVICE_PASSWORD = 'service-secret';

export const userId = (i: number) => `user${String(i).padStart(3, '0')}`;
export const userDn = (uid: string) => `uid=${uid},ou=people,${SUFFIX}`;
export const passwordOf = (uid: string) => `pw-${uid}`;
export const groupDn = (cn: string) => `cn=${cn},ou=groups,${SUFFIX}`;

const block = (lines: (string | false)[]) => lines.filter((l) => l !== false).join('\n') + '\n\n';

export const personLdif = (uid: string, i: number) =>
  block([
    `dn: ${userDn(uid)}`,
    'objectClass: inetOrgPerson',
    `uid: ${uid}`,
    `cn: User ${i}`,
    `sn: Number${i}`,
    'givenName: User',
    `displayName: User ${i}`,
    `mail: ${uid}@corp.example`,
    `title: Engineer ${i % 7}`,
    `userPassword: ${passwordOf(uid)}`,
  ]);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

export function directoryLdif(users = 200): string {
  const out = [
    block([`dn: ${SUFFIX}`, 'objectClass: dcObject', 'objectClass: organization', 'dc: example', 'o: Example']),
    block([`dn: ou=people,${SUFFIX}`, 'objectClass: organizationalUnit', 'ou: people']),
    block([`dn: ou=groups,${SUFFIX}`, 'objectClass: organizationalUnit', 'ou: groups']),
    block([`dn: ou=services,${SUFFIX}`, 'objectClass: organizationalUnit', 'ou: services']),
    block([`dn: ${SERVICE_DN}`, 'objectClass: organizationalRole', 'objectClass: simpleSecurityObject', 'cn: mailyard', `userPassword: ${SERVICE_PASSWORD}`]),
  ];
  for (const i of range(1, users)) out.push(personLdif(userId(i), i));
  const group = (cn: string, members: string[]) => block([`dn: ${groupDn(cn)}`, 'objectClass: groupOfNames', 'objectClass: mailGroup', `cn: ${cn}`, `mail: ${cn}@corp.example`, ...members.map((m) => `member: ${m}`)]);
  if (users >= 80) {
    out.push(group('backend', range(31, 40).map((i) => userDn(userId(i)))));
    out.push(group('engineering', [...range(1, 30).map((i) => userDn(userId(i))), groupDn('backend')]));
    out.push(group('sales', range(41, 80).map((i) => userDn(userId(i)))));
    out.push(group('all-staff', [groupDn('engineering'), groupDn('sales')]));
  }
  out.push(adSubtree());
  return out.join('');
}

export const AD_BASE = `ou=ad,${SUFFIX}`;
export const adUserDn = (sam: string) => `cn=${sam},ou=Users,${AD_BASE}`;
const guid = (n: number) => Buffer.from(`0000000000000000000000000000${String(n).padStart(4, '0')}`, 'hex').toString('base64');

function adSubtree(): string {
  const users = ['jdoe', 'asmith', 'bjones'];
  const group = `cn=Mail Users,ou=Groups,${AD_BASE}`;
  return [
    block([`dn: ${AD_BASE}`, 'objectClass: organizationalUnit', 'ou: ad']),
    block([`dn: ou=Users,${AD_BASE}`, 'objectClass: organizationalUnit', 'ou: Users']),
    block([`dn: ou=Groups,${AD_BASE}`, 'objectClass: organizationalUnit', 'ou: Groups']),
    ...users.map((sam, i) =>
      block([
        `dn: ${adUserDn(sam)}`,
        'objectClass: user',
        `cn: ${sam}`,
        `sn: ${sam.toUpperCase()}`,
        `displayName: ${sam} (AD)`,
        `sAMAccountName: ${sam}`,
        `userPrincipalName: ${sam}@ad.corp.example`,
        `mail: ${sam}@ad.corp.example`,
        'department: Finance',
        `objectGUID:: ${guid(i + 1)}`,
        `memberOf: ${group}`,
        `userPassword: ${passwordOf(sam)}`,
      ]),
    ),
    block([`dn: ${group}`, 'objectClass: group', 'cn: Mail Users', 'sAMAccountName: MailUsers', `objectGUID:: ${guid(100)}`, ...users.map((u) => `member: ${adUserDn(u)}`)]),
  ].join('');
}
