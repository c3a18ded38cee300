import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKING_OPTIONS } from '../resources/booking.ts';
import type { OrganizationSnapshot, SnapshotResource, SnapshotUser, UserDetails } from './models.ts';
import { parseCredentialCsv } from './passwords.ts';
import { planMigration, type PlanOptions } from './plan.ts';
import { cutoverLines } from './cutover.ts';
import { planLines, stepCounts } from './summary.ts';

const noDetails: UserDetails = {
  firstName: null,
  lastName: null,
  initials: null,
  telephone: null,
  street: null,
  city: null,
  zipCode: null,
  country: null,
  company: null,
  department: null,
  jobTitle: null,
  office: null,
};
const user = (name: string, over: Partial<SnapshotUser> = {}): SnapshotUser => ({
  name,
  displayName: name,
  details: noDetails,
  hiddenFromGlobalAddressList: false,
  role: 'USER',
  state: 'ENABLED',
  email: `${name}@acme.example`,
  aliases: [],
  quotaMb: 51200,
  ...over,
});
const source = (over: Partial<OrganizationSnapshot> = {}): OrganizationSnapshot => ({
  domains: [
    { name: 'acme.awsapps.com', isTest: true, isDefault: false, usable: true },
    { name: 'acme.example', isTest: false, isDefault: true, usable: true },
  ],
  users: [user('ann'), user('bob', { aliases: ['robert@acme.example', 'bob@acme.awsapps.com'], quotaMb: 1000 })],
  groups: [{ name: 'sales', state: 'ENABLED', email: 'sales@acme.example', aliases: [], hiddenFromGlobalAddressList: false, members: [{ type: 'USER', name: 'ann' }] }],
  permissions: [{ mailbox: 'ann', grantee: { type: 'GROUP', name: 'sales' }, permissions: ['FULL_ACCESS'] }],
  resources: [],
  nestedGroups: true,
  ...over,
});
const emptyTarget = (verified: boolean): OrganizationSnapshot => ({
  domains: [
    { name: 'acme.mailyard.test', isTest: true, isDefault: true, usable: true },
    ...(verified ? [{ name: 'acme.example', isTest: false, isDefault: false, usable: true }] : []),
  ],
  users: [{ ...user('postmaster', { role: 'SYSTEM_USER', email: 'postmaster@acme.mailyard.test' }) }],
  groups: [],
  permissions: [],
  resources: [],
  nestedGroups: false,
});
const none: PlanOptions = { passwordMode: 'none', credentials: new Map() };

/** What applying a plan leaves in the target, as the target would read back: the source with its addresses mapped. */
const applied = (s: OrganizationSnapshot, t: OrganizationSnapshot): OrganizationSnapshot => {
  const map = (a: string) => a.replace('@acme.awsapps.com', '@acme.mailyard.test');
  return {
    domains: t.domains,
    users: [...t.users, ...s.users.map((u) => ({ ...u, email: u.email && map(u.email), aliases: u.aliases.map(map) }))],
    groups: s.groups,
    permissions: s.permissions,
    resources: s.resources.map((r) => ({ ...r, email: r.email && map(r.email) })),
    nestedGroups: false,
  };
};

describe('planMigration', () => {
  it('creates everything in dependency order, maps the test domain, and plans nothing on a second run', () => {
    const target = emptyTarget(true);
    const plan = planMigration(source(), target, none);
    expect(stepCounts(plan).map((c) => [c.kind, c.count])).toEqual([
      ['user.create', 2],
      ['group.create', 1],
      ['group.enable', 1],
      ['alias.add', 2],
      ['quota.set', 1],
      ['member.add', 1],
      ['permissions.put', 1],
    ]);
    expect(plan.steps).toContainEqual({ kind: 'alias.add', entity: { type: 'USER', name: 'bob' }, alias: 'bob@acme.mailyard.test' });
    expect(plan.steps.find((s) => s.kind === 'user.create')).toMatchObject({ name: 'ann', email: 'ann@acme.example', password: { kind: 'none' } });
    expect(plan.skipped).toEqual([]);

    const again = planMigration(source(), applied(source(), target), none);
    expect(again.steps).toEqual([]);
    expect(again.unchanged).toEqual({ users: 2, groups: 1, resources: 0 });
    expect(planLines(again, { verbose: false })[0]).toBe('Nothing to change: the target matches the source.');
  });

  it('plans only the difference after a change in the source', () => {
    const before = source();
    const target = applied(before, emptyTarget(true));
    const after = source({
      users: [user('ann', { displayName: 'Ann Smith', details: { ...noDetails, city: 'Oslo' } }), user('bob', { state: 'DISABLED', email: null, aliases: [], quotaMb: null })],
      groups: [{ ...before.groups[0]!, members: [{ type: 'USER', name: 'bob' }] }],
    });
    const plan = planMigration(after, target, none);
    expect(plan.steps).toEqual([
      { kind: 'user.update', name: 'ann', changes: { displayName: 'Ann Smith', city: 'Oslo' } },
      { kind: 'member.remove', group: 'sales', member: { type: 'USER', name: 'ann' } },
      { kind: 'member.add', group: 'sales', member: { type: 'USER', name: 'bob' } },
      { kind: 'user.disable', name: 'bob' },
    ]);
  });

  it('adds a missing domain and skips, with the reason, whatever waits for its verification', () => {
    const plan = planMigration(source(), emptyTarget(false), none);
    expect(plan.steps.filter((s) => s.kind === 'domain.register')).toEqual([{ kind: 'domain.register', domain: 'acme.example' }]);
    expect(plan.steps.some((s) => s.kind === 'user.create')).toBe(false);
    expect(plan.skipped).toContainEqual({ subject: 'user ann (ann@acme.example)', reason: 'its address is on acme.example, not verified in the target yet' });
    expect(plan.skipped).toContainEqual({ subject: 'group sales (sales@acme.example)', reason: 'its address is on acme.example, not verified in the target yet' });
    // The permission's mailbox is not migrated, so nothing is granted.
    expect(plan.steps.some((s) => s.kind === 'permissions.put')).toBe(false);
  });

  it('leaves a group in a group behind when the target does not nest groups, saying so', () => {
    const s = source({ groups: [...source().groups, { name: 'all', state: 'DISABLED', email: null, aliases: [], hiddenFromGlobalAddressList: true, members: [{ type: 'GROUP', name: 'sales' }, { type: 'USER', name: 'bob' }] }] });
    const plan = planMigration(s, emptyTarget(true), none);
    expect(plan.steps.filter((step) => step.kind === 'member.add' && step.group === 'all')).toEqual([{ kind: 'member.add', group: 'all', member: { type: 'USER', name: 'bob' } }]);
    expect(plan.skipped).toEqual([{ subject: 'group sales in group all', reason: expect.stringContaining('does not support nested groups in the target') }]);
  });

  it('leaves out system users with the reason (a resource listed as a user moves as a resource), and never touches what only the target has', () => {
    const s = source({ users: [user('ann'), user('room1', { role: 'RESOURCE' }), user('postmaster', { role: 'SYSTEM_USER' })] });
    const t = emptyTarget(true);
    t.users.push(user('local', { email: 'local@acme.example' }));
    const plan = planMigration(s, t, none);
    expect(plan.skipped.map((k) => k.subject)).toEqual(['user postmaster']);
    expect(plan.onlyInTarget.users).toEqual(['local']);
    expect(plan.steps.some((step) => 'name' in step && step.name === 'local')).toBe(false);
  });

  it('gives each new user the password or reset link of its CSV row, and says why a user gets none', () => {
    const csv = parseCredentialCsv('user,password\nann,Correct-Horse-9\nbob@acme.example,short\n', 'password');
    if (!csv.ok) throw new Error(csv.message);
    const plan = planMigration(source(), emptyTarget(true), { passwordMode: 'csv', credentials: csv.rows });
    const created = plan.steps.filter((s) => s.kind === 'user.create');
    expect(created.map((s) => s.password.kind)).toEqual(['password', 'none']);
    expect(created[1]!.password).toMatchObject({ why: expect.stringContaining("the CSV's password breaks the policy") });
    expect(plan.passwords).toMatchObject({ password: 1, none: 1, resetLink: 0 });
    expect(planLines(plan, { verbose: true }).join('\n')).toContain('Passwords cannot be read from WorkMail.');
    expect(planLines(plan, { verbose: true }).join('\n')).not.toContain('Correct-Horse-9');

    const links = parseCredentialCsv('user,recovery_email\nann,ann@home.example\n', 'recovery_email');
    if (!links.ok) throw new Error(links.message);
    const linkPlan = planMigration(source(), emptyTarget(true), { passwordMode: 'reset-link', credentials: links.rows });
    expect(linkPlan.steps.find((s) => s.kind === 'user.create')).toMatchObject({ password: { kind: 'reset-link', recoveryAddress: 'ann@home.example' } });
  });

  it('refuses a CSV without the needed columns or with a bad recovery address, naming the line', () => {
    expect(parseCredentialCsv('name,pw\nann,x\n', 'password')).toEqual({ ok: false, message: 'The header line must name the columns "user" and "password".' });
    expect(parseCredentialCsv('user,recovery_email\nann,nope\n', 'recovery_email')).toEqual({ ok: false, message: 'Line 2: "nope" is not a valid recovery address.' });
  });
});

describe('cutoverLines', () => {
  it('lists each domain’s records to publish, what stays behind, and whether to run again', () => {
    const records = [{ purpose: 'mx', type: 'MX', hostname: 'acme.example', value: '10 mx.mailyard.example' }] as const;
    const lines = cutoverLines([{ domain: 'acme.example', records: [...records] }], { steps: [] }, null);
    expect(lines).toContain('  [x] the target matches the source (run again right before switching)');
    expect(lines).toContain('        MX    acme.example  10 mx.mailyard.example');
    expect(lines.join('\n')).toContain('copy the mailboxes (run without --skip-mail)');
    const mail = (remaining: number, unverified: string[] = []) => ({ remaining, unverified });
    expect(cutoverLines([], { steps: [{ kind: 'user.disable', name: 'x' }] }, mail(0))[1]).toBe('  [ ] run again until the plan has no steps');
    expect(cutoverLines([], { steps: [] }, mail(0))[2]).toContain('[x] every source message is in the target');
    expect(cutoverLines([], { steps: [] }, mail(3))[2]).toBe('  [ ] 3 messages still to copy: run again');
  });

  it('never ticks the mail off while a mailbox was left out or failed: nothing is known of its messages', () => {
    const lines = cutoverLines([], { steps: [] }, { remaining: 0, unverified: ['ann', 'bob'] });
    expect(lines.join('\n')).not.toContain('[x] every source message');
    expect(lines[2]).toBe('  [ ] 2 mailboxes not copied nor verified (ann, bob): see why above, fix it and run again');
    const many = cutoverLines([], { steps: [] }, { remaining: 4, unverified: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(many.slice(2, 4)).toEqual(['  [ ] 4 messages still to copy: run again', '  [ ] 6 mailboxes not copied nor verified (a, b, c, d, e, …): see why above, fix it and run again']);
  });
});

describe('planMigration (resources)', () => {
  const room = (over: Partial<SnapshotResource> = {}): SnapshotResource => ({
    name: 'Boardroom',
    type: 'ROOM',
    description: 'Fourth floor',
    state: 'ENABLED',
    email: 'boardroom@acme.example',
    hiddenFromGlobalAddressList: false,
    bookingOptions: { autoAcceptRequests: false, autoDeclineRecurringRequests: true, autoDeclineConflictingRequests: true },
    delegates: [{ type: 'USER', name: 'ann' }],
    ...over,
  });

  it('creates, enables, adds the delegate before turning automatic acceptance off, and plans nothing once applied', () => {
    const s = source({ resources: [room(), room({ name: 'Projector', type: 'EQUIPMENT', description: null, state: 'DISABLED', email: null, delegates: [], bookingOptions: DEFAULT_BOOKING_OPTIONS })] });
    const plan = planMigration(s, emptyTarget(true), none);
    expect(plan.steps.filter((step) => step.kind.startsWith('resource.') || step.kind.startsWith('delegate.'))).toEqual([
      { kind: 'resource.create', name: 'Boardroom', type: 'ROOM', description: 'Fourth floor', hiddenFromGlobalAddressList: false },
      { kind: 'resource.create', name: 'Projector', type: 'EQUIPMENT', description: null, hiddenFromGlobalAddressList: false },
      { kind: 'resource.enable', name: 'Boardroom', email: 'boardroom@acme.example' },
      { kind: 'delegate.add', resource: 'Boardroom', delegate: { type: 'USER', name: 'ann' } },
      { kind: 'resource.update', name: 'Boardroom', changes: { bookingOptions: room().bookingOptions } },
    ]);
    expect(planMigration(s, applied(s, emptyTarget(true)), none).steps).toEqual([]);
  });

  it('turns automatic acceptance back on before the last delegate leaves, and disables a resource disabled in the source', () => {
    const s = source({ resources: [room({ state: 'DISABLED', email: null, delegates: [], bookingOptions: DEFAULT_BOOKING_OPTIONS })] });
    const t = applied(source({ resources: [room()] }), emptyTarget(true));
    expect(planMigration(s, t, none).steps.filter((step) => step.kind.startsWith('resource.') || step.kind.startsWith('delegate.')).map((step) => step.kind)).toEqual([
      'resource.update',
      'delegate.remove',
      'resource.disable',
    ]);
  });

  it('skips a resource whose name a user of the target holds, and a delegate that does not move', () => {
    const t = emptyTarget(true);
    t.users.push(user('boardroom'));
    const plan = planMigration(source({ resources: [room()] }), t, none);
    expect(plan.skipped).toContainEqual({ subject: 'resource Boardroom', reason: 'a user or group of the target already has this name' });
    const s = source({ users: [], groups: [], permissions: [], resources: [room({ name: 'Lab' })] });
    expect(planMigration(s, emptyTarget(true), none).skipped).toContainEqual({ subject: 'user ann as delegate of Lab', reason: 'the delegate is not migrated (its own line says why)' });
  });
});
