import { refusal, type Refusal } from '../errors/refusal.ts';

/** What the directory owns of its users: Mailyard keeps addresses, quota, permissions and devices. */
export type DirectoryOwned = 'name' | 'details' | 'password' | 'create' | 'delete';

const what: Record<DirectoryOwned, string> = {
  name: 'its name is changed',
  details: 'its names and personal details are changed',
  password: 'its password is reset',
  create: 'users are created',
  delete: 'users are deleted',
};

/** The user attributes a directory sync writes (the attribute mapping's); the others stay Mailyard's to edit. */
export const directoryManagedFields = ['displayName', 'firstName', 'lastName', 'telephone', 'department', 'jobTitle'] as const;

/** Which of `changed` (the fields an update would change) the directory owns. */
export const directoryManagedChanges = (changed: string[]): string[] => changed.filter((f) => (directoryManagedFields as readonly string[]).includes(f));

/**
 * Directory users are read-only where the directory owns the value: the message says where to change it instead. A user
 * of the organization that is not from the directory (its system users) is not refused.
 */
export function directoryManagedRefusal(fromDirectory: boolean, owned: DirectoryOwned, directoryName: string): Refusal | null {
  if (!fromDirectory) return null;
  const subject = owned === 'create' || owned === 'delete' ? 'This organization uses' : 'This user comes from';
  return refusal(
    'DIRECTORY.MANAGED',
    `${subject} the directory "${directoryName}": ${what[owned]} with the directory's own tools (for Active Directory, in Active Directory), and the next sync brings the change.`,
    { owned },
  );
}
