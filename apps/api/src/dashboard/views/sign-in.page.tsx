import { Field } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import { DashboardLayout } from './layout.js';

export function SignInPage(props: { ui: Ui; refused: boolean; next?: string }) {
  const { t } = props.ui;
  return (
    <DashboardLayout ui={props.ui} title={t.signIn} signedIn={false}>
      <section>
        {props.refused ? (
          <p class="error" role="alert">
            {t.badToken}
          </p>
        ) : null}
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
