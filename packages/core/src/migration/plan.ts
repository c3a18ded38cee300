import { NESTED_GROUPS_NOT_SUPPORTED } from '../groups/nesting.ts';
import { DEFAULT_QUOTA_MB } from '../mailboxes/quota.ts';
import { DEFAULT_BOOKING_OPTIONS } from '../resources/booking.ts';
import { addressMapOf, domainOf, mapAddress, type AddressMap } from './addresses.ts';
import type { MemberRef, OrganizationSnapshot, SnapshotGroup, SnapshotPermission, SnapshotResource, SnapshotUser, UserDetailField } from './models.ts';
import { passwordChoiceFor, passwordModeSentence, type CredentialRows, type PasswordMode } from './passwords.ts';
import { stepOrder, type MigrationStep, type ResourceChanges, type UserChanges } from './steps.ts';

export interface PlanOptions {
  passwordMode: PasswordMode;
  /** The CSV's rows for the mode (passwords or recovery addresses); empty for `none`. */
  credentials: CredentialRows;
}

/** Something of the source the run leaves out, and why in words an operator acts on. */
export interface Skip {
  subject: string;
  reason: string;
}

export interface MigrationPlan {
  steps: MigrationStep[];
  skipped: Skip[];
  /** Source entities already the same in the target. */
  unchanged: { users: number; groups: number; resources: number };
  /** Entities of the target organization that the source does not have: left as they are. */
  onlyInTarget: { users: string[]; groups: string[]; resources: string[] };
  passwords: { sentence: string; password: number; resetLink: number; none: number };
}

const key = (name: string) => name.toLowerCase();
const refKey = (ref: MemberRef) => `${ref.type}:${key(ref.name)}`;
const byName = <T extends { name: string }>(items: T[]) => new Map(items.map((i) => [key(i.name), i]));

/**
 * The difference between a source organization and its target, as the steps that make the target match, what is
 * skipped and why. Pure: run it twice on the same snapshots, get the same plan; run it after applying a plan, get
 * none — which is what makes a migration idempotent (a sync until cut-over) and resumable (a killed run's next
 * plan holds exactly what it did not finish).
 */
export function planMigration(source: OrganizationSnapshot, target: OrganizationSnapshot, options: PlanOptions): MigrationPlan {
  const planner = new Planner(source, target, options);
  return planner.plan();
}

class Planner {
  private readonly steps: MigrationStep[] = [];
  private readonly skipped: Skip[] = [];
  private readonly passwords = { password: 0, resetLink: 0, none: 0 };
  private readonly map: AddressMap;
  private readonly targetUsers: Map<string, SnapshotUser>;
  private readonly targetGroups: Map<string, SnapshotGroup>;
  private readonly targetResources: Map<string, SnapshotResource>;
  /** Domains that can carry addresses in the target (verified there, or its test domain). */
  private readonly usableDomains: Set<string>;
  /** Domains still waiting for verification in the target (already there, or added by this plan). */
  private readonly pendingDomains = new Set<string>();
  /** Source entities that exist in the target once this plan has run (`USER:name`, `GROUP:name`). */
  private readonly present = new Set<string>();

  constructor(
    private readonly source: OrganizationSnapshot,
    private readonly target: OrganizationSnapshot,
    private readonly options: PlanOptions,
  ) {
    this.map = addressMapOf(source, target);
    this.targetUsers = byName(target.users.filter((u) => u.state !== 'DELETED'));
    this.targetGroups = byName(target.groups.filter((g) => g.state !== 'DELETED'));
    this.targetResources = byName(target.resources.filter((r) => r.state !== 'DELETED'));
    this.usableDomains = new Set(target.domains.filter((d) => d.usable).map((d) => d.name));
  }

  plan(): MigrationPlan {
    this.planDomains();
    for (const user of this.source.users) this.planUser(user);
    for (const group of this.source.groups) this.planGroup(group);
    for (const group of this.source.groups) this.planMembers(group);
    this.planPermissions();
    for (const resource of this.source.resources) this.planResource(resource);
    const sourceNames = new Set([...this.source.users, ...this.source.groups, ...this.source.resources].map((e) => key(e.name)));
    const order = (s: MigrationStep) => stepOrder.indexOf(s.kind);
    return {
      steps: this.steps.map((s, i) => ({ s, i })).sort((a, b) => order(a.s) - order(b.s) || a.i - b.i).map(({ s }) => s),
      skipped: this.skipped,
      unchanged: this.unchanged(),
      onlyInTarget: {
        users: this.target.users.filter((u) => u.state !== 'DELETED' && u.role !== 'SYSTEM_USER' && !sourceNames.has(key(u.name))).map((u) => u.name),
        groups: this.target.groups.filter((g) => g.state !== 'DELETED' && !sourceNames.has(key(g.name))).map((g) => g.name),
        resources: this.target.resources.filter((r) => r.state !== 'DELETED' && !sourceNames.has(key(r.name))).map((r) => r.name),
      },
      passwords: { sentence: passwordModeSentence(this.options.passwordMode), ...this.passwords },
    };
  }

  private planDomains() {
    const inTarget = new Set(this.target.domains.map((d) => d.name));
    for (const domain of this.source.domains) {
      if (domain.isTest) continue;
      if (!domain.usable) {
        this.skipped.push({ subject: `domain ${domain.name}`, reason: 'not verified in the source either: nothing uses it yet' });
        continue;
      }
      if (!inTarget.has(domain.name)) this.steps.push({ kind: 'domain.register', domain: domain.name });
      if (!this.usableDomains.has(domain.name)) this.pendingDomains.add(domain.name);
    }
    for (const domain of this.pendingDomains) {
      this.skipped.push({
        subject: `domain ${domain}`,
        reason: 'not verified in the target yet: publish its DNS records, verify it, and run again; its addresses wait until then',
      });
    }
  }

  /** The target form of a source address, or a reason it cannot be used yet (one per domain, so skips group by it). */
  private address(address: string): { ok: true; address: string } | { ok: false; address: string; reason: string } {
    const mapped = mapAddress(address, this.map);
    const domain = domainOf(mapped);
    if (this.usableDomains.has(domain)) return { ok: true, address: mapped };
    if (this.pendingDomains.has(domain)) return { ok: false, address: mapped, reason: `its address is on ${domain}, not verified in the target yet` };
    return { ok: false, address: mapped, reason: `its address is on ${domain}, not a verified domain of the source organization` };
  }

  /** An entity's primary address in the target (null while disabled); undefined, with the skip noted, when it cannot have it yet. */
  private primaryOf(entity: { state: string; email: string | null }, subject: string): string | null | undefined {
    if (entity.state !== 'ENABLED' || !entity.email) return null;
    const primary = this.address(entity.email);
    if (primary.ok) return primary.address;
    this.skip(`${subject} (${primary.address})`, primary.reason);
    return undefined;
  }

  private planUser(user: SnapshotUser) {
    const subject = `user ${user.name}`;
    if (user.state === 'DELETED') return;
    if (user.role === 'SYSTEM_USER') return this.skip(subject, 'a system user of WorkMail: Mailyard has its own (postmaster)');
    // WorkMail lists a resource's account among users too; the resource itself moves with ListResources.
    if (user.role === 'RESOURCE') return;
    const email = this.primaryOf(user, subject);
    if (email === undefined) return;
    const existing = this.targetUsers.get(key(user.name));
    if (existing?.role === 'SYSTEM_USER') return this.skip(subject, 'the name belongs to a system user of the target');
    this.present.add(refKey({ type: 'USER', name: user.name }));
    const ref: MemberRef = { type: 'USER', name: user.name };
    if (!existing) {
      const password = passwordChoiceFor({ name: user.name, email: user.email }, this.options.passwordMode, this.options.credentials);
      this.passwords[password.kind === 'password' ? 'password' : password.kind === 'reset-link' ? 'resetLink' : 'none']++;
      const { name, displayName, details, hiddenFromGlobalAddressList, role } = user;
      this.steps.push({ kind: 'user.create', name, displayName, details, hiddenFromGlobalAddressList, role, email, password });
    } else {
      const changes = userChanges(user, existing);
      if (Object.keys(changes).length > 0) this.steps.push({ kind: 'user.update', name: existing.name, changes });
      if (email && existing.state !== 'ENABLED') this.steps.push({ kind: 'user.enable', name: existing.name, email });
      if (!email && existing.state === 'ENABLED') this.steps.push({ kind: 'user.disable', name: existing.name });
      if (email && existing.state === 'ENABLED' && existing.email !== email) this.steps.push({ kind: 'address.primary', entity: ref, email });
    }
    if (email) {
      // Enabled now or by this plan; a newly created one has its primary address only and the default quota.
      const enabledBefore = existing?.state === 'ENABLED';
      this.planAliases(ref, user.aliases, enabledBefore ? aliasesAfterPrimary(existing, email) : []);
      const quotaNow = enabledBefore ? existing.quotaMb : DEFAULT_QUOTA_MB;
      if (user.quotaMb !== null && user.quotaMb !== quotaNow) this.steps.push({ kind: 'quota.set', name: user.name, quotaMb: user.quotaMb });
    }
  }

  private planGroup(group: SnapshotGroup) {
    const subject = `group ${group.name}`;
    if (group.state === 'DELETED') return;
    const email = this.primaryOf(group, subject);
    if (email === undefined) return;
    if (this.targetUsers.has(key(group.name)) && !this.targetGroups.has(key(group.name))) {
      return this.skip(subject, 'a user of the target already has this name');
    }
    this.present.add(refKey({ type: 'GROUP', name: group.name }));
    const ref: MemberRef = { type: 'GROUP', name: group.name };
    const existing = this.targetGroups.get(key(group.name));
    if (!existing) {
      this.steps.push({ kind: 'group.create', name: group.name, hiddenFromGlobalAddressList: group.hiddenFromGlobalAddressList });
      if (email) this.steps.push({ kind: 'group.enable', name: group.name, email });
    } else {
      if (existing.hiddenFromGlobalAddressList !== group.hiddenFromGlobalAddressList) {
        this.steps.push({ kind: 'group.update', name: existing.name, hiddenFromGlobalAddressList: group.hiddenFromGlobalAddressList });
      }
      if (email && existing.state !== 'ENABLED') this.steps.push({ kind: 'group.enable', name: existing.name, email });
      if (!email && existing.state === 'ENABLED') this.steps.push({ kind: 'group.disable', name: existing.name });
      if (email && existing.state === 'ENABLED' && existing.email !== email) this.steps.push({ kind: 'address.primary', entity: ref, email });
    }
    if (email) this.planAliases(ref, group.aliases, existing?.state === 'ENABLED' ? aliasesAfterPrimary(existing, email) : []);
  }

  private planAliases(entity: MemberRef, sourceAliases: string[], targetAliases: string[]) {
    const wanted = new Set<string>();
    for (const alias of sourceAliases) {
      const mapped = this.address(alias);
      if (!mapped.ok) this.skip(`alias ${mapped.address} of ${entity.name}`, mapped.reason);
      else wanted.add(mapped.address);
    }
    const have = new Set(targetAliases);
    for (const alias of have) if (!wanted.has(alias)) this.steps.push({ kind: 'alias.remove', entity, alias });
    for (const alias of wanted) if (!have.has(alias)) this.steps.push({ kind: 'alias.add', entity, alias });
  }

  private planMembers(group: SnapshotGroup) {
    if (!this.present.has(refKey({ type: 'GROUP', name: group.name }))) return;
    const wanted = new Map<string, MemberRef>();
    for (const member of group.members) {
      if (member.type === 'GROUP' && !this.target.nestedGroups) {
        this.skip(`group ${member.name} in group ${group.name}`, `${NESTED_GROUPS_NOT_SUPPORTED} in the target: add the inner group's members to the outer group if mail to it must reach them`);
      } else if (this.present.has(refKey(member))) wanted.set(refKey(member), member);
      else this.skip(`${member.type === 'GROUP' ? 'group' : 'user'} ${member.name} in group ${group.name}`, 'the member is not migrated (its own line says why)');
    }
    const have = new Map((this.targetGroups.get(key(group.name))?.members ?? []).map((m) => [refKey(m), m]));
    for (const [k, member] of have) if (!wanted.has(k)) this.steps.push({ kind: 'member.remove', group: group.name, member });
    for (const [k, member] of wanted) if (!have.has(k)) this.steps.push({ kind: 'member.add', group: group.name, member });
  }

  private planPermissions() {
    const grantKey = (p: Pick<SnapshotPermission, 'mailbox' | 'grantee'>) => `${key(p.mailbox)}|${refKey(p.grantee)}`;
    const migratedMailboxes = new Set(this.source.users.filter((u) => this.present.has(refKey({ type: 'USER', name: u.name }))).map((u) => key(u.name)));
    const have = new Map(this.target.permissions.filter((p) => migratedMailboxes.has(key(p.mailbox))).map((p) => [grantKey(p), p]));
    const wanted = new Map<string, SnapshotPermission>();
    for (const grant of this.source.permissions) {
      if (!migratedMailboxes.has(key(grant.mailbox))) continue;
      if (!this.present.has(refKey(grant.grantee))) {
        this.skip(`permissions of ${grant.grantee.name} on ${grant.mailbox}'s mailbox`, 'the grantee is not migrated (its own line says why)');
        continue;
      }
      wanted.set(grantKey(grant), grant);
    }
    for (const [k, grant] of have) if (!wanted.has(k)) this.steps.push({ kind: 'permissions.remove', mailbox: grant.mailbox, grantee: grant.grantee });
    for (const [k, grant] of wanted) {
      const current = have.get(k);
      if (!current || !samePermissions(current.permissions, grant.permissions)) {
        this.steps.push({ kind: 'permissions.put', mailbox: grant.mailbox, grantee: grant.grantee, permissions: grant.permissions });
      }
    }
  }

  /**
   * A resource: created or updated to match (type, description, hidden flag, booking options), enabled with its
   * address or disabled, its delegates (users and groups migrated) added and removed.
   */
  private planResource(resource: SnapshotResource) {
    const subject = `resource ${resource.name}`;
    if (resource.state === 'DELETED') return;
    const email = this.primaryOf(resource, subject);
    if (email === undefined) return;
    const existing = this.targetResources.get(key(resource.name));
    if (!existing && (this.targetUsers.has(key(resource.name)) || this.targetGroups.has(key(resource.name)))) {
      return this.skip(subject, 'a user or group of the target already has this name');
    }
    this.present.add(`RESOURCE:${key(resource.name)}`);
    const name = existing?.name ?? resource.name;
    if (!existing) {
      const { type, description, hiddenFromGlobalAddressList } = resource;
      this.steps.push({ kind: 'resource.create', name, type, description, hiddenFromGlobalAddressList });
    }
    if (email && existing?.state !== 'ENABLED') this.steps.push({ kind: 'resource.enable', name, email });
    if (!email && existing?.state === 'ENABLED') this.steps.push({ kind: 'resource.disable', name });
    const changes = resourceChanges(resource, existing ?? { ...resource, bookingOptions: DEFAULT_BOOKING_OPTIONS });
    if (Object.keys(changes).length > 0) this.steps.push({ kind: 'resource.update', name, changes });

    const wanted = new Map<string, MemberRef>();
    for (const delegate of resource.delegates) {
      if (this.present.has(refKey(delegate))) wanted.set(refKey(delegate), delegate);
      else this.skip(`${delegate.type === 'GROUP' ? 'group' : 'user'} ${delegate.name} as delegate of ${resource.name}`, 'the delegate is not migrated (its own line says why)');
    }
    const have = new Map((existing?.delegates ?? []).map((d) => [refKey(d), d]));
    for (const [k, delegate] of have) if (!wanted.has(k)) this.steps.push({ kind: 'delegate.remove', resource: name, delegate });
    for (const [k, delegate] of wanted) if (!have.has(k)) this.steps.push({ kind: 'delegate.add', resource: name, delegate });
  }

  /** Source entities already in the target that no step touches. */
  private unchanged() {
    const touched = new Set(this.steps.map(subjectOf));
    const count = (type: string, existing: Map<string, unknown>) =>
      [...this.present].filter((k) => k.startsWith(`${type}:`) && existing.has(k.slice(type.length + 1)) && !touched.has(k)).length;
    return { users: count('USER', this.targetUsers), groups: count('GROUP', this.targetGroups), resources: count('RESOURCE', this.targetResources) };
  }

  private skip(subject: string, reason: string) {
    this.skipped.push({ subject, reason });
  }
}

/** A new primary address leaves the aliases, and the old one joins them (as setting a primary address does). */
function aliasesAfterPrimary(entity: { email: string | null; aliases: string[] }, primary: string): string[] {
  const aliases = entity.email && entity.email !== primary ? [...entity.aliases, entity.email] : entity.aliases;
  return aliases.filter((a) => a !== primary);
}

const detailFields: UserDetailField[] = ['firstName', 'lastName', 'initials', 'telephone', 'street', 'city', 'zipCode', 'country', 'company', 'department', 'jobTitle', 'office'];

/** The fields of a target user that differ from the source's. The role moves only between USER and REMOTE_USER. */
function userChanges(source: SnapshotUser, target: SnapshotUser): UserChanges {
  const changes: UserChanges = {};
  if (source.displayName !== target.displayName) changes.displayName = source.displayName;
  for (const field of detailFields) if ((source.details[field] ?? null) !== (target.details[field] ?? null)) changes[field] = source.details[field];
  if (source.hiddenFromGlobalAddressList !== target.hiddenFromGlobalAddressList) changes.hiddenFromGlobalAddressList = source.hiddenFromGlobalAddressList;
  if (source.role !== target.role) changes.role = source.role;
  return changes;
}

/** What a new resource has or an existing one lacks: the fields of the source that differ (WorkMail's UpdateResource). */
function resourceChanges(source: SnapshotResource, target: Pick<SnapshotResource, 'type' | 'description' | 'hiddenFromGlobalAddressList' | 'bookingOptions'>): ResourceChanges {
  const changes: ResourceChanges = {};
  if (source.type !== target.type) changes.type = source.type;
  if ((source.description ?? '') !== (target.description ?? '')) changes.description = source.description ?? '';
  if (source.hiddenFromGlobalAddressList !== target.hiddenFromGlobalAddressList) changes.hiddenFromGlobalAddressList = source.hiddenFromGlobalAddressList;
  const booking = (b: SnapshotResource['bookingOptions']) => `${b.autoAcceptRequests}/${b.autoDeclineRecurringRequests}/${b.autoDeclineConflictingRequests}`;
  if (booking(source.bookingOptions) !== booking(target.bookingOptions)) changes.bookingOptions = source.bookingOptions;
  return changes;
}

/** The entity a step changes (`USER:name`, `GROUP:name`, `RESOURCE:name`), for counting what stays unchanged. */
function subjectOf(step: MigrationStep): string {
  switch (step.kind) {
    case 'resource.create':
    case 'resource.update':
    case 'resource.enable':
    case 'resource.disable':
      return `RESOURCE:${key(step.name)}`;
    case 'delegate.add':
    case 'delegate.remove':
      return `RESOURCE:${key(step.resource)}`;
    case 'domain.register':
      return `DOMAIN:${step.domain}`;
    case 'address.primary':
    case 'alias.add':
    case 'alias.remove':
      return refKey(step.entity);
    case 'member.add':
    case 'member.remove':
      return refKey({ type: 'GROUP', name: step.group });
    case 'permissions.put':
    case 'permissions.remove':
      return refKey({ type: 'USER', name: step.mailbox });
    default:
      return refKey({ type: step.kind.startsWith('group.') ? 'GROUP' : 'USER', name: step.name });
  }
}

const samePermissions = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p) => b.includes(p));
