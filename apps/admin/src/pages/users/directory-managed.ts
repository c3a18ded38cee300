import { useQuery } from '@tanstack/react-query';
import { directoryManagedRefusal, type DirectoryOwned } from '@mailyard/core/directories';
import type { Refusal } from '@mailyard/core/errors';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * What the directory owns of this user (Standard setup): the refusal the server would answer, named after the
 * organization's directory, so the console shows it beside the control instead of offering the change.
 */
export function useDirectoryManaged(organizationId: string, user: { fromDirectory: boolean }): (owned: DirectoryOwned) => Refusal | null {
  const trpc = useTRPC();
  const org = useQuery({ ...trpc.organizations.get.queryOptions({ organizationId }), enabled: user.fromDirectory });
  const directoryId = org.data?.directoryId ?? null;
  const directory = useQuery({ ...trpc.directories.get.queryOptions({ directoryId: directoryId ?? '' }), enabled: user.fromDirectory && directoryId !== null });
  const name = directory.data?.name ?? directoryId ?? 'of this organization';
  return (owned) => directoryManagedRefusal(user.fromDirectory, owned, name);
}
