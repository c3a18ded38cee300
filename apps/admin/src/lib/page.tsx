import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type Crumb = BreadcrumbGroupProps.Item;

const SetCrumbs = createContext<(items: Crumb[]) => void>(() => {});
const Crumbs = createContext<Crumb[]>([]);

export function PageProvider({ children }: { children: ReactNode }) {
  const [crumbs, setCrumbs] = useState<Crumb[]>([]);
  return (
    <SetCrumbs.Provider value={setCrumbs}>
      <Crumbs.Provider value={crumbs}>{children}</Crumbs.Provider>
    </SetCrumbs.Provider>
  );
}

export const useCrumbs = () => useContext(Crumbs);

/** Each page names itself: the document title and the breadcrumbs of the layout. */
export function usePage(title: string, breadcrumbs: Crumb[]) {
  const setCrumbs = useContext(SetCrumbs);
  const key = JSON.stringify(breadcrumbs);
  useEffect(() => {
    document.title = `${title} | Mailyard`;
  }, [title]);
  useEffect(() => {
    setCrumbs(JSON.parse(key) as Crumb[]);
  }, [key, setCrumbs]);
}
