import type { ComponentChildren } from 'preact';
import { Document } from '../../views/document.js';
import type { Ui } from '../../views/i18n.js';
import { DASHBOARD_CSS } from '../../views/styles.js';

/** The frame of every dashboard page: the bar (home, the other language, sign out) and the title. */
export function DashboardLayout(props: {
  ui: Ui;
  title: string;
  signedIn?: boolean;
  /** Move on to this same-site address at once (no script: a meta refresh). */
  refreshTo?: string;
  children: ComponentChildren;
}) {
  const { lang, t } = props.ui;
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <Document lang={lang} title={`${props.title} — ${t.title}`} css={DASHBOARD_CSS} refreshTo={props.refreshTo}>
      <header>
        <strong>{t.title}</strong>
        {props.signedIn === false ? null : (
          <>
            <a href={`/dashboard?lang=${lang}`}>{t.home}</a>
            <a href={`/dashboard?lang=${other}`}>{lang === 'fr' ? 'English' : 'Français'}</a>
            <form method="post" action="/dashboard/sign-out" class="sign-out">
              <button>{t.signOut}</button>
            </form>
          </>
        )}
      </header>
      <main>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </Document>
  );
}

/** A phase as a badge. */
export const Phase = (props: { phase: string; id?: string }) => (
  <span class="phase" id={props.id}>
    {props.phase}
  </span>
);
