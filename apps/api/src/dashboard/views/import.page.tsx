import { HR_CSV_COLUMNS } from '../../../../../libs/domain/src/index.js';
import { ActionForm, Check, Field } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout } from './layout.js';

export interface ImportOutcome {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** The HR admin imports the directory: a dry run first, every refused line with its column and reason. */
export function ImportPage(props: {
  ui: Ui;
  outcome?: ImportOutcome;
  refused?: { message: string; lines: Array<{ line: number; column?: string; message: string }> };
}) {
  const { ui, outcome, refused } = props;
  const { t } = ui;
  return (
    <DashboardLayout ui={ui} title={t.importTitle} here="/dashboard/people/import">
      {outcome ? (
        <p class="flash" role="status">
          {outcome.rows} {t.rows}: {outcome.created} {outcome.dryRun ? t.wouldCreate : t.importCreated},{' '}
          {outcome.updated} {outcome.dryRun ? t.wouldUpdate : t.importUpdated}, {outcome.unchanged} {t.unchanged}
        </p>
      ) : null}
      {refused ? (
        <section aria-labelledby="refused">
          <div role="alert">
            <h2 id="refused" class="error">
              {t.importRejected}
            </h2>
          </div>
          <p>{refused.message}</p>
          <DataTable
            head={[t.line, t.column, t.problem]}
            caption={t.importRejected}
            rows={refused.lines.map((l) => [l.line, l.column ?? '', l.message])}
            empty={t.none}
          />
        </section>
      ) : null}
      <section>
        <p class="help">{t.importHelp}</p>
        <ActionForm action="/dashboard/people/import" layout="stack" label={t.importTitle} multipart>
          <Field label={t.csvFile}>
            <input name="file" type="file" accept=".csv,text/csv" required />
          </Field>
          <Check name="dryRun" label={t.dryRun} checked />
          <button>{t.importRun}</button>
        </ActionForm>
        <details>
          <summary>{t.columns}</summary>
          <ul>
            {HR_CSV_COLUMNS.map((c) => (
              <li>
                <code>{c.name}</code>
                {c.required ? ' *' : ''} — {c.doc}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </DashboardLayout>
  );
}
