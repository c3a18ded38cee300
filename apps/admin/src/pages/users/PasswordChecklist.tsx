import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
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
        {check.rules.map((rule) => (
          <li key={rule.rule}>
            <StatusIndicator
              type={rule.ok ? 'success' : password ? 'error' : 'pending'}
              colorOverride={rule.ok || password ? undefined : 'grey'}
              iconAriaLabel={rule.ok ? 'Met' : 'Not met'}
            >
              {rule.label}
            </StatusIndicator>
          </li>
        ))}
      </ul>
    </Box>
  );
}
