import type { MigrationPlan } from './plan.ts';
import { describeStep, stepLabels, stepOrder, type MigrationStepKind } from './steps.ts';

/** How many steps of each kind, in plan order, without the kinds that have none. */
export function stepCounts(plan: Pick<MigrationPlan, 'steps'>): { kind: MigrationStepKind; label: string; count: number }[] {
  const counts = new Map<MigrationStepKind, number>();
  for (const step of plan.steps) counts.set(step.kind, (counts.get(step.kind) ?? 0) + 1);
  return stepOrder.filter((k) => counts.has(k)).map((kind) => ({ kind, label: stepLabels[kind], count: counts.get(kind)! }));
}

/** Reasons with how many things each left out, most first: the plan's "skipped" section reads as causes, not a dump. */
export function skipReasons(plan: Pick<MigrationPlan, 'skipped'>): { reason: string; count: number; examples: string[] }[] {
  const byReason = new Map<string, string[]>();
  for (const skip of plan.skipped) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip.subject]);
  return [...byReason].map(([reason, subjects]) => ({ reason, count: subjects.length, examples: subjects.slice(0, 3) })).sort((a, b) => b.count - a.count);
}

/** The plan as the terminal prints it: counts, passwords said plainly, skips with reasons, then (verbose) every step. */
export function planLines(plan: MigrationPlan, options: { verbose: boolean }): string[] {
  const lines: string[] = [];
  const counts = stepCounts(plan);
  lines.push(counts.length === 0 ? 'Nothing to change: the target matches the source.' : `${plan.steps.length} changes:`);
  for (const c of counts) lines.push(`  ${String(c.count).padStart(6)}  ${c.label}`);
  lines.push(`Unchanged: ${plan.unchanged.users} users, ${plan.unchanged.groups} groups, ${plan.unchanged.resources} resources.`);
  lines.push('', `Passwords: ${plan.passwords.sentence}`);
  const created = plan.passwords.password + plan.passwords.resetLink + plan.passwords.none;
  if (created > 0) {
    lines.push(`  Of ${created} new users: ${plan.passwords.password} get a password from the CSV, ${plan.passwords.resetLink} a reset link, ${plan.passwords.none} no password (disabled sign-in).`);
  }
  const reasons = skipReasons(plan);
  if (reasons.length > 0) {
    lines.push('', `Skipped (${plan.skipped.length}):`);
    for (const r of reasons) lines.push(`  ${String(r.count).padStart(6)}  ${r.reason} — e.g. ${r.examples.join(', ')}`);
  }
  const only = plan.onlyInTarget;
  if (only.users.length + only.groups.length + only.resources.length > 0) {
    lines.push('', `Left as they are (only in the target): ${only.users.length} users, ${only.groups.length} groups, ${only.resources.length} resources.`);
  }
  if (options.verbose && plan.steps.length > 0) lines.push('', 'Steps:', ...plan.steps.map((s) => `  ${describeStep(s)}`));
  return lines;
}
