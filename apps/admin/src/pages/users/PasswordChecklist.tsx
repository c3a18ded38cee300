import Box from '@cloudscape-design/components/box';
import Icon from '@cloudscape-design/components/icon';
import { checkPassword } from '@mailyard/core/passwords';

/**
 * The password policy, rule by rule, checked as the operator types (core's `checkPassword`, the same rules the
 * server applies). Before anything is typed the rules are shown neutral, not as failures.
 */
export function PasswordChecklist({ password }: { password: string }) {
  const check = checkPassword(password);
  return (
    <Box variant="div" margin={{ top: 'xxs' }}>
      <span>Password requirements:</span>
      <ul aria-label="Password requirements" style={{ listStyle: 'none', padding: 0, margin: '2px 0 0' }}>
        {check.rules.map((rule) => {
          const [icon, variant, color] = rule.ok
            ? (['status-positive', 'success', 'text-status-success'] as const)
            : password
              ? (['status-negative', 'error', 'text-status-error'] as const)
              : (['status-pending', 'subtle', 'text-status-inactive'] as const);
          return (
            <li key={rule.rule} style={{ display: 'flex', gap: '6px', alignItems: 'flex-start' }}>
              <Icon name={icon} variant={variant} ariaLabel={rule.ok ? 'Met' : 'Not met'} />
              <Box variant="span" color={color}>
                {rule.label}
              </Box>
            </li>
          );
        })}
      </ul>
    </Box>
  );
}
