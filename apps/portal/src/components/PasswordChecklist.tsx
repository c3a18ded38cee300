import { checkPassword } from '@mailyard/core/passwords';

/**
 * The directory's password policy as a checklist that follows the typing (core's `checkPassword`, the same rules
 * the server applies). It describes the password field rather than being a live region: announcing every
 * keystroke would drown a screen reader; the state is read when the field is focused.
 */
export function PasswordChecklist({ id, password }: { id: string; password: string }) {
  const { rules } = checkPassword(password);
  return (
    <ul className="checklist" id={id} aria-label="Password requirements">
      {rules.map((r) => (
        <li key={r.rule} className={r.ok ? 'rule rule-ok' : 'rule'}>
          <span className="rule-mark" aria-hidden="true">
            {r.ok ? '✓' : '○'}
          </span>
          <span>{r.label}</span>
          <span className="visually-hidden">{r.ok ? ' (met)' : ' (not met yet)'}</span>
        </li>
      ))}
    </ul>
  );
}
