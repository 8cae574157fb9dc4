import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { h } from 'preact';
import { HomePage, type HomeView } from '../dashboard/views/home.page.js';
import { MentorshipPage, type MentorshipView } from '../dashboard/views/mentorship.page.js';
import { SignInPage } from '../dashboard/views/sign-in.page.js';
import { TrainingPage } from '../dashboard/views/training.page.js';
import { ReportComparisons } from '../monitoring/views/report-comparison.js';
import { ProofSection } from '../dashboard/views/program-proof.js';
import {
  effectForViewer,
  estimateEffect,
  roiFromEffect,
  verdictOf,
  type ReportComparison,
} from '../../../../libs/domain/src/index.js';
import { effectRequestFor, syntheticCompany } from '../../../../test/support/synthetic-company.js';
import { noticeOf } from './notices.js';
import { neutralise, toCsv } from './csv.js';
import { UI, uiFor } from './i18n.js';
import { COMMON } from './words/common.js';
import { EFFECT } from './words/effect.js';
import { MENTORSHIP } from './words/mentorship.js';
import { PROGRAM } from './words/program.js';
import { PROOF } from './words/proof.js';
import { REPORTS } from './words/reports.js';
import { renderPage } from './render.js';
import { styleSources } from './styles.js';

const hostile = '<script>alert(1)</script> & "quotes"';

const home = (over: Partial<HomeView> = {}): HomeView => ({
  now: Date.parse('2027-03-01T12:00:00Z'),
  toDo: [],
  programs: [],
  mentorships: [],
  filter: { q: '', phase: '', sort: 'due' },
  phases: ['ACTIVE'],
  links: { newProgram: false, pilots: false, importPeople: false },
  ...over,
});

const mentorship = (over: Partial<MentorshipView> = {}): MentorshipView => ({
  id: 'm-1',
  programId: 'p-1',
  programName: 'Programme',
  title: 'Zoé ← Éloïse',
  names: { mentee: 'Zoé', mentor: 'Éloïse', supervisor: 'Paul' },
  viewpoint: 'supervisor',
  phase: 'AWAITING_SUPERVISOR_APPROVAL',
  now: Date.parse('2027-03-01T12:00:00Z'),
  goals: [{ competencyKey: 'developing-people', targetLevel: 4, baselineLevel: 2, latestLevel: null }],
  agreedBy: [],
  sessions: [],
  nextSessionDue: null,
  checkpoints: [
    { checkpoint: 1, openedAt: '2027-02-20T10:00:00Z', decision: null, guidance: null, dueBy: '2027-02-25T10:00:00Z' },
  ],
  latestPulse: null,
  reviewsAnswered: { midterm: [], final: [] },
  facts: [],
  competencyOptions: [],
  roi: null,
  terminationReason: null,
  can: {
    approve: true,
    kickoff: null,
    logSession: false,
    pulse: false,
    decide: 1,
    review: null,
    pause: false,
    resume: false,
    extraCheckpoint: false,
    terminate: false,
  },
  ...over,
});

describe('server-rendered views', () => {
  it('escape every value by default: a name cannot inject markup', () => {
    const html = renderPage(
      h(HomePage, {
        ui: uiFor('en'),
        view: home({ programs: [{ id: 'p"><script>', name: hostile, phase: 'LAUNCH_PLANNING', role: 'owner' }] }),
        notice: null,
      }),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script> &amp; &quot;quotes&quot;');
    expect(html).toContain('href="/dashboard/programs/p&quot;>&lt;script>?lang=en"');
  });

  it('give every action form a fresh Idempotency-Key, and speak the reader’s language', () => {
    const page = () => renderPage(h(MentorshipPage, { ui: uiFor('fr'), view: mentorship(), notice: null }));
    const keys = (html: string) => [...html.matchAll(/name="idempotencyKey" value="([^"]+)"/g)].map((m) => m[1]);
    const [first, second] = [keys(page()), keys(page())];
    expect(first).toHaveLength(2);
    expect(new Set([...first, ...second]).size).toBe(4);
    expect(page()).toContain('Trancher');
    expect(page()).toContain('<span class="decision">en attente</span>');
  });

  it('show phases and competencies by their names, never their codes, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const html = renderPage(h(MentorshipPage, { ui: uiFor(lang), view: mentorship(), notice: null }));
      const text = html.replace(/<[^>]+>/g, ' ');
      expect(text).not.toContain('AWAITING_SUPERVISOR_APPROVAL');
      expect(text).not.toContain('developing-people');
    }
    const fr = renderPage(h(MentorshipPage, { ui: uiFor('fr'), view: mentorship(), notice: null }));
    expect(fr).toContain('En attente de validation du superviseur');
    expect(fr).toContain('Développement des collaborateurs');
  });

  it('mark an overdue decision and carry no script and no style but the one stylesheet the CSP allows by hash', () => {
    const html = renderPage(h(MentorshipPage, { ui: uiFor('en'), view: mentorship(), notice: null }));
    expect(html).toContain('<span class="overdue">overdue</span>');
    expect(html).not.toMatch(/style="|<script/);
    const sheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(sheets).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(sheets[0], 'utf8').digest('base64')}'`;
    expect(styleSources()).toEqual([hash]);
  });

  it('name each word once across the dictionaries (a second meaning would silently replace the first)', () => {
    const keys = [COMMON, MENTORSHIP, PROGRAM, REPORTS, PROOF, EFFECT].flatMap((d) => Object.keys(d.en));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('have every English word in French too', () => {
    expect(Object.keys(UI.fr).sort()).toEqual(Object.keys(UI.en).sort());
    for (const [key, value] of Object.entries(UI.fr)) expect([key, value.trim().length > 0]).toEqual([key, true]);
  });
});

describe('CSV exports', () => {
  it('neutralise cells a spreadsheet would run as formulas, and keep numbers as numbers', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    for (const s of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('Zoé')).toBe('Zoé');
    expect(neutralise(-3)).toBe(-3);
    const csv = toCsv(
      ['name', 'n'],
      [
        ['=cmd|"/c calc"!A0', 2],
        ['a, "b"', -1],
      ],
    );
    expect(csv).toBe('\uFEFFname,n\r\n"\'=cmd|""/c calc""!A0",2\r\n"a, ""b""",-1\r\n');
  });

  const withheld = (lang: 'en' | 'fr') =>
    renderPage(
      h(ReportComparisons, {
        ui: uiFor(lang),
        money: (n: number) => `${uiFor(lang).num(n)} EUR`,
        comparison: [
          {
            measure: 'Team turnover',
            effect: {
              visibility: 'withheld',
              measure: 'Team turnover',
              reason:
                'fewer than 5 people on one side of the comparison: figures this small would describe individuals',
              minimumPeople: 5,
            },
            beforeAfter: {
              label: 'ROI before/after (the mentees’ own change × the agreed attribution share)',
              benefit: 7000,
              cost: 4500,
              roi: 0.56,
              mentorships: 2,
            },
            fromEstimate: null,
          },
        ],
      }),
    );

  it('show the sponsor both ROI figures labelled, and say why an estimate about fewer than 5 people is withheld', () => {
    const html = withheld('en');
    expect(html).toContain(
      '<td>ROI before/after (the mentees’ own change × the agreed attribution share)</td><td>7,000 EUR</td>',
    );
    expect(html).toContain('<td>ROI from the estimated effect (against comparable managers)</td>');
    expect(html).toContain(
      'Withheld: fewer than 5 people on one side of the comparison: figures this small would describe individuals.',
    );
    expect(html).toContain('only of at least 5 people on each side of the comparison');
  });

  it('word the proof section in French, numbers in French, no English sentence left', () => {
    const en = withheld('en');
    const fr = withheld('fr');
    expect(fr).toContain('<h2 id="proof">Preuve : l’effet face à des managers comparables</h2>');
    expect(fr).toContain('<td>7\u202f000 EUR</td>');
    expect(fr).toContain('Masqué : moins de 5 personnes d’un côté de la comparaison');
    expect(fr).toContain('<td>2 mentorat(s) clôturé(s)</td>');
    // Every text node of the English section is gone from the French one (the measure's name aside).
    const texts = (html: string) =>
      [...html.matchAll(/>([^<>]+)</g)]
        .map((m) => m[1].trim())
        .filter((x) => /[a-z]{4,}/i.test(x) && x !== 'Team turnover');
    for (const text of texts(en)) expect(fr).not.toContain(text);
  });

  describe('the program page’s proof block', () => {
    const estimate = estimateEffect(effectRequestFor(syntheticCompany({ seed: 3 })));
    const sponsor = { personId: 's1', roles: ['sponsor' as const] };
    const small = { ...estimate, sample: { ...estimate.sample, matchedMentees: 4, measuredSets: 4 } };
    const beforeAfter = { label: 'before/after', benefit: 7000, cost: 4500, roi: 0.56, mentorships: 2 };
    const block = (lang: 'en' | 'fr', effect: ReportComparison['effect']) =>
      renderPage(
        h(ProofSection, {
          ui: uiFor(lang),
          programId: 'p-1',
          cycle: 2,
          proof: {
            measures: [
              {
                measure: 'engagement',
                effect,
                beforeAfter,
                fromEstimate:
                  effect.visibility === 'withheld'
                    ? null
                    : roiFromEffect(estimate, { valuePerUnit: 1000, currency: 'EUR', costPerMentee: 2000 }),
                verdict: effect.visibility === 'withheld' ? null : verdictOf(effect, lang),
              },
            ],
          },
        }),
      );

    it('show the sponsor the aggregate estimate: its verdict with the interval, both ROI figures labelled, the way to the report', () => {
      const view = effectForViewer(estimate, sponsor, 'o1');
      expect(view.visibility).toBe('aggregate');
      const html = block('en', view);
      expect(html).toContain(`<p>${verdictOf(estimate)}</p>`);
      expect(html).toMatch(/95 % interval -?\d\.\d\d to -?\d\.\d\d/);
      expect(html).toContain(
        '<td>ROI before/after (the mentees’ own change × the agreed attribution share)</td><td>56 %</td>',
      );
      expect(html).toMatch(
        /<td>ROI from the estimated effect \(against comparable managers\)<\/td><td>-?\d+ %<br\/><small>95 % interval: /,
      );
      expect(html).toContain('href="/dashboard/programs/p-1/report?cycle=2&amp;lang=en#proof"');
    });

    it('withhold the estimate about fewer than 5 people, keeping the before/after figure', () => {
      const html = block('en', effectForViewer(small, sponsor, 'o1'));
      expect(html).toContain('Withheld: fewer than 5 people on one side of the comparison');
      expect(html).toContain('<td>56 %</td>');
      expect(html).not.toContain('estimated effect:');
    });

    it('say all of it in French, no English text left', () => {
      for (const effect of [effectForViewer(estimate, sponsor, 'o1'), effectForViewer(small, sponsor, 'o1')]) {
        const en = block('en', effect);
        const fr = block('fr', effect);
        expect(fr).toContain('Preuve : l’effet face à des managers comparables');
        const texts = [...en.matchAll(/>([^<>]+)</g)]
          .map((m) => m[1].trim())
          .filter((x) => /[a-z]{4,}/i.test(x) && x !== 'engagement');
        expect(texts.length).toBeGreaterThan(4);
        for (const text of texts) expect(fr).not.toContain(text);
      }
    });
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
    expect(page('signed-out')).toContain(
      '<p class="flash" role="status" data-notice="signed-out">Vous êtes déconnecté·e.</p>',
    );
    expect(page('sign-in.refused')).toContain('class="error" role="alert" data-notice="sign-in.refused"');
    for (const forged of ['Your account is locked: call +1 555 0100', '__proto__', 'toString', ['signed-out'], 42])
      expect(page(forged)).not.toMatch(/class="(flash|error)"/);
  });
});
