import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { capNotices } from './notice-limit.ts';

export interface Notice {
  id: string;
  type: NonNullable<FlashbarProps.MessageDefinition['type']>;
  header?: ReactNode;
  content?: ReactNode;
  loading?: boolean;
}

interface Notifications {
  items: Notice[];
  /** Shows a notice; one with the same id is replaced. */
  notify(notice: Notice): void;
  /** Changes a notice that is still shown; does nothing once it was dismissed. */
  update(id: string, patch: Partial<Omit<Notice, 'id'>>): void;
  dismiss(id: string): void;
  clear(): void;
}

const NotificationsContext = createContext<Notifications | null>(null);

/** The Flashbar's messages, kept across page changes as in the AWS console. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Notice[]>([]);
  const notify = useCallback((notice: Notice) => setItems((all) => capNotices([notice, ...all.filter((n) => n.id !== notice.id)])), []);
  const update = useCallback(
    (id: string, patch: Partial<Omit<Notice, 'id'>>) => setItems((all) => all.map((n) => (n.id === id ? { ...n, ...patch } : n))),
    [],
  );
  const dismiss = useCallback((id: string) => setItems((all) => all.filter((n) => n.id !== id)), []);
  const clear = useCallback(() => setItems([]), []);
  const value = useMemo(() => ({ items, notify, update, dismiss, clear }), [items, notify, update, dismiss, clear]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): Notifications {
  const context = useContext(NotificationsContext);
  if (!context) throw new Error('useNotifications needs a NotificationsProvider');
  return context;
}
