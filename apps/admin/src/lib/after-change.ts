import { useQueryClient, type QueryFilters } from '@tanstack/react-query';
import { useNotifications, type Notice } from './notifications.tsx';

/**
 * How a dialog's change ends once it went through: its notice, the queries it changed read again, then the dialog
 * closes. Use as the mutation's `onSuccess`; a failure stays in the dialog (the mutation's error).
 */
export function useAfterChange() {
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  return (notice: Notice, changed: QueryFilters, close: () => void) => async () => {
    notify(notice);
    await queryClient.invalidateQueries(changed);
    close();
  };
}
