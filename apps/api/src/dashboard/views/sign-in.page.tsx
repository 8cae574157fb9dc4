import { Field } from '../../views/forms.js';
import { Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DashboardLayout } from './layout.js';

/** Signing in: with the company account when an identity provider is configured, or with a token; then on to `next`. */
export function SignInPage(props: { ui: Ui; notice: NoticeCode | null; companySignIn: boolean; next?: string }) {
  const { t } = props.ui;
  return (
    <DashboardLayout ui={props.ui} title={t.signIn} signedIn={false}>
      <Outcome ui={props.ui} notice={props.notice} />
      {props.companySignIn ? (
        <section>
          <a
            class="button"
            id="company-sign-in"
            href={`/dashboard/sign-in/oidc?lang=${props.ui.lang}${props.next ? `&next=${encodeURIComponent(props.next)}` : ''}`}
          >
            {t.companySignIn}
          </a>
        </section>
      ) : null}
      <section>
        <form method="post" action="/dashboard/sign-in" class="inline">
          {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
          <Field label={t.token}>
            <input name="token" type="password" autocomplete="off" size={48} required />
          </Field>
          <button>{t.signIn}</button>
        </form>
      </section>
    </DashboardLayout>
  );
}
