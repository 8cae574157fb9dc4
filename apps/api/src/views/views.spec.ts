import { describe, expect, it } from '@jest/globals';
import { h } from 'preact';
import { HomePage } from '../dashboard/views/home.page.js';
import { SignInPage } from '../dashboard/views/sign-in.page.js';
import { noticeOf } from './notices.js';
import { MentorshipPage } from '../dashboard/views/mentorship.page.js';
import { TrainingPage } from '../dashboard/views/training.page.js';
import { ReportComparisons } from '../monitoring/views/report-comparison.js';
import { uiFor } from './i18n.js';
import { renderPage } from './render.js';

const hostile = '<script>alert(1)</script> & "quotes"';

describe('server-rendered views', () => {
  it('escape every value by default: a name cannot inject markup', () => {
    const html = renderPage(
      h(HomePage, {
        ui: uiFor('en'),
        view: {
          decisions: [],
          programs: [{ id: 'p"><script>', name: hostile, phase: 'LAUNCH_PLANNING' }],
          mentorships: [],
        },
      }),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script> &amp; &quot;quotes&quot;');
    expect(html).toContain('href="/dashboard/programs/p&quot;>&lt;script>?lang=en"');
  });

  it('give every action form a fresh Idempotency-Key, and speak the reader’s language', () => {
    const view = {
      id: 'm-1',
      title: 'Zoé ← Éloïse',
      phase: 'ACTIVE',
      sessions: 2,
      goals: [],
      checkpoints: [{ checkpoint: 1, decision: null }],
      openCheckpoint: 1,
      canLogSession: true,
    };
    const page = () => renderPage(h(MentorshipPage, { ui: uiFor('fr'), view, notice: null }));
    const keys = (html: string) => [...html.matchAll(/name="idempotencyKey" value="([^"]+)"/g)].map((m) => m[1]);
    const [first, second] = [keys(page()), keys(page())];
    expect(first).toHaveLength(2);
    expect(new Set([...first, ...second]).size).toBe(4);
    expect(page()).toContain('Trancher');
    expect(page()).toContain('<span class="decision">en attente</span>');
  });

  it('show the sponsor both ROI figures labelled, and say why an estimate about fewer than 5 people is withheld', () => {
    const beforeAfter = {
      label: 'ROI before/after (the mentees’ own change × the agreed attribution share)',
      benefit: 7000,
      cost: 4500,
      roi: 0.56,
      mentorships: 2,
    };
    const reason = 'fewer than 5 people on one side of the comparison: figures this small would describe individuals';
    const html = renderPage(
      h(ReportComparisons, {
        money: (n: number) => `${n} EUR`,
        comparison: [
          {
            measure: 'Team turnover',
            effect: { visibility: 'withheld', measure: 'Team turnover', reason, minimumPeople: 5 },
            beforeAfter,
            fromEstimate: null,
          },
        ],
      }),
    );
    expect(html).toContain(
      '<td>ROI before/after (the mentees’ own change × the agreed attribution share)</td><td>7000 EUR</td>',
    );
    expect(html).toContain('<td>ROI from the estimated effect (against comparable managers)</td>');
    expect(html).toContain(`Withheld: ${reason}.`);
    expect(html).toContain('only of at least 5 people on each side of the comparison');
  });

  it('show a training plan with only the cases its items cite, their text escaped, and say whether it is recorded', () => {
    const aCase = (caseId: string, text: string) => ({
      caseId,
      source: 'mentorship' as const,
      cycle: 1,
      competencies: [{ key: 'delegation', by: 'declared' as const }],
      themes: [],
      situation: [text],
      guidance: [],
      change: [],
      anecdotes: [],
      levelsGained: null,
    });
    const view = (recorded: boolean) => ({
      id: 'p-1',
      name: 'Managers 2027',
      cycle: 2,
      recorded,
      items: [
        {
          competency: 'delegation',
          title: 'Letting go',
          audience: 'mentors',
          menteesTargeting: 3,
          meanGap: 1.5,
          trainers: ['Éloïse Durand'],
          caseIds: ['case-0000000a'],
        },
      ],
      cases: [aCase('case-0000000a', `[mentee] handed over ${hostile}`), aCase('case-0000000b', 'not cited')],
    });
    const html = renderPage(h(TrainingPage, { ui: uiFor('en'), view: view(true) }));
    expect(html).toContain('The plan recorded for this cycle');
    expect(html).toContain('id="case-0000000a"');
    expect(html).not.toContain('case-0000000b');
    expect(html).not.toContain('<script>');
    expect(html).toContain('[mentee] handed over &lt;script>');
    expect(renderPage(h(TrainingPage, { ui: uiFor('fr'), view: view(false) }))).toContain('Pas encore enregistré');
  });

  it('show a banner only for a notice of the fixed list, in the reader’s language, never text from the URL', () => {
    const page = (notice: unknown) =>
      renderPage(h(SignInPage, { ui: uiFor('fr'), notice: noticeOf(notice), companySignIn: false }));
    expect(page('signed-out')).toContain('<p class="flash" data-notice="signed-out">Vous êtes déconnecté·e.</p>');
    expect(page('sign-in.refused')).toContain('class="error" data-notice="sign-in.refused"');
    for (const forged of ['Your account is locked: call +1 555 0100', '__proto__', 'toString', ['signed-out'], 42])
      expect(page(forged)).not.toMatch(/class="(flash|error)"/);
  });
});
