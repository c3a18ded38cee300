import { useQuery } from '@tanstack/react-query';
import { permissionDescriptions, permissionLabels } from '@mailyard/core/permissions';
import { Section } from '../components/Section.tsx';
import { errorInfo } from '../lib/errors.ts';
import { useTRPC } from '../lib/trpc.ts';

/** Who else may open the mailbox or send as its owner — set by administrators, shown so the owner knows. */
export function PermissionsSection() {
  const trpc = useTRPC();
  const permissions = useQuery(trpc.portal.permissions.queryOptions());
  return (
    <Section id="permissions" title="Who can use your mailbox">
      {permissions.isPending ? (
        <p role="status">Loading…</p>
      ) : permissions.error ? (
        <p className="message message-error">{errorInfo(permissions.error).message}</p>
      ) : permissions.data.items.length === 0 ? (
        <p className="muted">Nobody else has access to your mailbox.</p>
      ) : (
        <>
          <ul className="rows" aria-label="People and groups with access">
            {permissions.data.items.map((p) => (
              <li key={p.granteeId} className="row row-wrap">
                <span className="row-main">
                  <strong>{p.granteeName}</strong>
                  <span className="muted small">
                    {p.granteeType === 'GROUP' ? 'Group' : 'User'}
                    {p.granteeEmail ? ` · ${p.granteeEmail}` : ''}
                  </span>
                </span>
                <span className="badges">
                  {p.permissions.map((perm) => (
                    <span key={perm} className="badge" title={permissionDescriptions[perm]}>
                      {permissionLabels[perm]}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
          {permissions.data.more && <p className="muted small">More are not shown here; your administrator can see the full list.</p>}
          <p className="muted small">Full access opens your mailbox; Send as sends mail as you; Send on behalf sends mail on your behalf. Ask your administrator to change this.</p>
        </>
      )}
    </Section>
  );
}
