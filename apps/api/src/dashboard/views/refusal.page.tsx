import { Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DashboardLayout } from './layout.js';

/** A page the reader may not see (403), or that does not exist for them (404): the reason, in plain words. */
export function RefusalPage(props: { ui: Ui; status: number; notice: NoticeCode }) {
  return (
    <DashboardLayout ui={props.ui} title={String(props.status)}>
      <Outcome ui={props.ui} notice={props.notice} />
    </DashboardLayout>
  );
}
