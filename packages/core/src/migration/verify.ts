import type { OrganizationSnapshot } from './models.ts';
import type { MigrationPlan } from './plan.ts';

export interface VerificationRow {
  what: string;
  source: number;
  target: number;
}

const key = (name: string) => name.toLowerCase();

/**
 * Counts of the source and of what the target holds of it (entities by name), side by side: after a run they
 * match unless something was skipped, and `remaining` — the plan made again — is the exact difference.
 */
export function verificationRows(source: OrganizationSnapshot, target: OrganizationSnapshot): VerificationRow[] {
  const users = source.users.filter((u) => u.state !== 'DELETED' && u.role !== 'SYSTEM_USER');
  const targetUsers = new Map(target.users.map((u) => [key(u.name), u]));
  const targetGroups = new Map(target.groups.map((g) => [key(g.name), g]));
  const groups = source.groups.filter((g) => g.state !== 'DELETED');
  const resources = source.resources.filter((r) => r.state !== 'DELETED');
  const targetResources = new Map(target.resources.map((r) => [key(r.name), r]));
  const count = <T>(items: T[], f: (t: T) => number) => items.reduce((n, t) => n + f(t), 0);
  return [
    { what: 'users', source: users.length, target: users.filter((u) => targetUsers.has(key(u.name))).length },
    { what: 'enabled users', source: users.filter((u) => u.state === 'ENABLED').length, target: users.filter((u) => targetUsers.get(key(u.name))?.state === 'ENABLED').length },
    { what: 'user aliases', source: count(users, (u) => u.aliases.length), target: count(users, (u) => targetUsers.get(key(u.name))?.aliases.length ?? 0) },
    { what: 'groups', source: groups.length, target: groups.filter((g) => targetGroups.has(key(g.name))).length },
    { what: 'group members', source: count(groups, (g) => g.members.length), target: count(groups, (g) => targetGroups.get(key(g.name))?.members.length ?? 0) },
    {
      what: 'mailbox permissions',
      source: source.permissions.length,
      target: target.permissions.filter((p) => users.some((u) => key(u.name) === key(p.mailbox))).length,
    },
    { what: 'resources', source: resources.length, target: resources.filter((r) => targetResources.has(key(r.name))).length },
    { what: 'resource delegates', source: count(resources, (r) => r.delegates.length), target: count(resources, (r) => targetResources.get(key(r.name))?.delegates.length ?? 0) },
  ];
}

export function verificationLines(rows: VerificationRow[], remaining: Pick<MigrationPlan, 'steps'>): string[] {
  return [
    'Verification (source → target):',
    ...rows.map((r) => `  ${r.what.padEnd(22)} ${String(r.source).padStart(7)} → ${String(r.target).padStart(7)}${r.source === r.target ? '' : '   differs'}`),
    remaining.steps.length === 0 ? '  The target matches the source: a new plan has no steps.' : `  ${remaining.steps.length} changes remain (run again, or see the skipped reasons above).`,
  ];
}
