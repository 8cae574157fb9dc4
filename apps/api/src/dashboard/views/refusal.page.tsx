import type { Ui } from '../../views/i18n.js';
import { DashboardLayout } from './layout.js';

/** A page the reader may not see (403), or that does not exist (404): the reason, in plain words. */
export function RefusalPage(props: { ui: Ui; status: number; message: string }) {
  return (
    <DashboardLayout ui={props.ui} title={String(props.status)}>
      <p class="error">{props.message}</p>
    </DashboardLayout>
  );
}
