import type { ComponentChildren } from 'preact';
import { Document } from '../../views/document.js';
import type { Ui } from '../../views/i18n.js';

/**
 * The frame of every dashboard page: the bar (home, the other language, sign out) and the title.
 * `here` is the page's own path, so that the language switch stays on it.
 */
export function DashboardLayout(props: {
  ui: Ui;
  title: string;
  here?: string;
  signedIn?: boolean;
  /** Move on to this same-site address at once (no script: a meta refresh). */
  refreshTo?: string;
  children: ComponentChildren;
}) {
  const { lang, t } = props.ui;
  const other = lang === 'fr' ? 'en' : 'fr';
  const here = props.here ?? '/dashboard';
  return (
    <Document lang={lang} title={`${props.title} — ${t.title}`} refreshTo={props.refreshTo}>
      <header>
        <nav aria-label={t.mainNav}>
          <strong>{t.title}</strong>
          {props.signedIn === false ? null : (
            <>
              <a href={`/dashboard?lang=${lang}`}>{t.home}</a>
              <a href={`${here}${here.includes('?') ? '&' : '?'}lang=${other}`} lang={other}>
                {t.otherLanguage}
              </a>
              <form method="post" action="/dashboard/sign-out" class="sign-out">
                <button class="secondary">{t.signOut}</button>
              </form>
            </>
          )}
        </nav>
      </header>
      <main>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </Document>
  );
}

/** A phase (or a planned mentorship's status) as a badge, in the reader's words. */
export const Phase = (props: { ui: Ui; phase: string; id?: string }) => (
  <span class="phase" id={props.id} data-phase={props.phase}>
    {props.ui.phase(props.phase)}
  </span>
);

/** A date, marked when it has passed. */
export const Due = (props: { ui: Ui; at: string | null; now: number }) =>
  props.at === null ? (
    <>—</>
  ) : (
    <>
      {props.ui.date(props.at)}
      {Date.parse(props.at) < props.now ? <span class="overdue">{props.ui.t.overdue}</span> : null}
    </>
  );
