import type { Ui } from '../../views/i18n.js';
import { DashboardLayout } from './layout.js';

/**
 * The step after the identity provider sends the browser back: a same-site page that moves on to
 * the dashboard itself (or the page the person was sent to sign in from), so the new SameSite=Strict
 * session cookie goes with that request (after a redirect chain that began on the provider's site,
 * the browser would leave it out).
 */
export function SignedInPage(props: { ui: Ui; to: string }) {
  const { t } = props.ui;
  return (
    <DashboardLayout ui={props.ui} title={t.signIn} signedIn={false} refreshTo={props.to}>
      <p>
        <a class="button" href={props.to}>
          {t.home}
        </a>
      </p>
    </DashboardLayout>
  );
}
