import { refusal, type Refusal } from '../errors/refusal.ts';

/** What went wrong talking to a directory, as the server's LDAP client classified it. */
export type LdapFailure =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'tls'; detail: string }
  | { kind: 'bind_refused' }
  | { kind: 'base_not_found'; field: 'userBaseDn' | 'groupBaseDn'; dn: string }
  | { kind: 'other'; detail: string };

/**
 * The refusal a person can act on: what failed, on which field, and what to check. The same sentence is the
 * organization's ErrorMessage when the periodic check finds the directory failing.
 */
export function connectionFailureRefusal(failure: LdapFailure, at: { url: string; bindDn: string }): Refusal {
  switch (failure.kind) {
    case 'unreachable':
      return refusal(
        'DIRECTORY.UNREACHABLE',
        `Cannot reach the directory at ${at.url} (${failure.detail}). Check the host name and port, and that Mailyard's network can reach the directory.`,
        { field: 'url' },
      );
    case 'timeout':
      return refusal(
        'DIRECTORY.UNREACHABLE',
        `The directory at ${at.url} did not answer within ${failure.seconds} seconds. Check the host and port, and any firewall between Mailyard and the directory.`,
        { field: 'url' },
      );
    case 'tls':
      return refusal(
        'DIRECTORY.UNREACHABLE',
        `The TLS handshake with ${at.url} failed (${failure.detail}). Paste the certificate of the CA that signed the directory's certificate, or check the host name it was issued for.`,
        { field: 'caCertificate' },
      );
    case 'bind_refused':
      return refusal(
        'DIRECTORY.BIND_REFUSED',
        `The directory refused to bind as "${at.bindDn}": the bind DN or its password is wrong, or the account is locked.`,
        { field: 'bindPassword' },
      );
    case 'base_not_found':
      return refusal(
        'DIRECTORY.BASE_NOT_FOUND',
        `The directory has no entry "${failure.dn}": check the ${failure.field === 'userBaseDn' ? 'user' : 'group'} base DN.`,
        { field: failure.field },
      );
    case 'other':
      return refusal('DIRECTORY.UNREACHABLE', `The directory at ${at.url} answered with an error: ${failure.detail}.`, { field: 'url' });
  }
}
