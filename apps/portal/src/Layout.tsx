import type { ReactNode } from 'react';

/** The portal's frame: a banner with the product name, and the main landmark pages render into. */
export function Layout({ children }: { children?: ReactNode }) {
  return (
    <div className="shell">
      <header className="banner">
        <div className="column banner-inner">
          <span className="brand">Mailyard</span>
          <span className="brand-sub">My account</span>
        </div>
      </header>
      <main className="column main" id="main">
        <h1 className="title">My account</h1>
        {children}
      </main>
    </div>
  );
}
