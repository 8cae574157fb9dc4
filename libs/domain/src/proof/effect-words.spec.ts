import { describe, expect, it } from '@jest/globals';
import { assumptionsOf, roiEvidence, type RoiEvidence } from '../mentorship/roi.js';
import { DEFAULT_COMPARISON_OPTIONS } from './comparison-matching.js';
import type { EffectEstimate } from './effect-types.js';
import { limitsOf, summaryOf } from './effect-words.js';

// An estimate that says every sentence there is: an effect with its interval, retention and
// promotion, a covariate still unbalanced, mentees left out for each reason, a small sample.
const estimate = (verdict: EffectEstimate['verdict'], effect = -1.234): EffectEstimate => ({
  measure: 'Team turnover',
  lowerIsBetter: true,
  before: { from: '2026-01', to: '2026-12' },
  after: { from: '2027-06', to: '2027-12' },
  covariates: ['managementYears', 'teamSize', 'baseline', 'trend'],
  exactOn: ['jobLevel', 'department'],
  options: { ...DEFAULT_COMPARISON_OPTIONS, sameDepartment: true },
  confidence: 0.95,
  sample: {
    mentees: 12,
    menteesWithBaseline: 11,
    matchedMentees: 10,
    unmatchedMentees: 1,
    comparisonManagers: 19,
    pool: 1234,
    measuredSets: 9,
  },
  balance: [
    { covariate: 'teamSize', menteeMean: 8, poolMean: 6, matchedMean: 7, smdBefore: 0.5, smdAfter: 0.25 },
    { covariate: 'trend', menteeMean: 0, poolMean: 0, matchedMean: 0, smdBefore: 0.1, smdAfter: 0.01 },
  ],
  effect: { estimate: effect, interval: [-2.5, 0.75] },
  improvement: { estimate: -effect, interval: [-0.75, 2.5] },
  naive: { estimate: -3.5, interval: null },
  comparisonChange: -2.25,
  retention: { mentees: 0.9, comparison: 0.8, difference: { estimate: 0.1, interval: [-0.05, 0.25] } },
  promotion: { mentees: 0.2, comparison: 0.1, difference: { estimate: 0.1, interval: null } },
  verdict,
  summary: [],
  limits: [],
  individual: [],
});

const VERDICTS: EffectEstimate['verdict'][] = ['improved', 'worsened', 'inconclusive', 'not-enough-data'];
// Words only English has: a French line holding one is a sentence left untranslated.
const ENGLISH = /\b(the|of|and|with|were|mentees|managers who|before the cycle|interval includes|not computed)\b/;

describe('an estimate in plain words, in the reader’s language', () => {
  it.each(VERDICTS)('says the %s estimate in French, none of its English sentences kept', (verdict) => {
    const r = estimate(verdict);
    const en = [...summaryOf(r), ...limitsOf(r)];
    const fr = [...summaryOf(r, 'fr'), ...limitsOf(r, 'fr')];
    expect(fr).toHaveLength(en.length);
    const french = fr.join('\n');
    for (const line of en) expect(french).not.toContain(line);
    for (const line of fr) expect(line).not.toMatch(ENGLISH);
  });

  it('writes the figures as a French page does: decimal comma, grouped thousands', () => {
    const r = estimate('improved');
    const fr = summaryOf(r, 'fr').join('\n');
    expect(fr).toContain('1\u202f234 ayant des chiffres'); // the pool, grouped as fr-FR groups it
    expect(fr).toContain('-1,23 (intervalle à 95 % : -2,50 à 0,75)');
    expect(fr).toContain('les mentorés finissent plus bas que des managers comparables');
    expect(fr).toContain('Toujours dans l’entreprise à la fin de la période : 90 % des mentorés');
    expect(limitsOf(r, 'fr').join('\n')).toContain('la taille de l’équipe (0,25 écart-type)');
    // English keeps its own format.
    expect(summaryOf(r).join('\n')).toContain('-1.23 (95 % interval -2.50 to 0.75)');
    expect(summaryOf(r).join('\n')).toContain('from 1,234 with figures');
  });

  it('says in French when there are not enough figures', () => {
    const r = { ...estimate('not-enough-data'), effect: null, improvement: null, naive: null };
    expect(summaryOf(r, 'fr')[1]).toBe(
      'Pas assez de chiffres de « Team turnover » avant et après le cycle pour estimer un effet.',
    );
  });
});

describe('a report’s ROI assumptions, in the reader’s language', () => {
  const evidence = (valuePerUnit: number) =>
    roiEvidence({
      goals: [],
      facts: [
        {
          name: 'Team turnover',
          unit: '%',
          source: 'HR report',
          before: 18,
          after: 12,
          lowerIsBetter: true,
          valuePerUnit,
        },
        {
          name: 'Engagement',
          unit: 'pts',
          source: 'survey',
          before: 60,
          after: 64,
          lowerIsBetter: false,
          valuePerUnit: null,
        },
      ],
      mentorHours: 10,
      menteeHours: 10,
      supervisorHours: 2,
      rates: { mentor: 1090.5, mentee: 60, supervisor: 110 },
      attribution: 0.5,
      currency: 'EUR',
      counting: { hoursPerSessionHour: 1.5, supervisorHoursPerCheckpoint: 0.5 },
    });

  it('states each assumption in French, numbers in French, none of the English lines kept', () => {
    const all = [evidence(1500), evidence(1500)];
    const en = assumptionsOf(all);
    const fr = assumptionsOf(all, 'fr');
    expect(fr).toEqual([
      'coût : chaque heure de séance compte 1,5 h pour le mentor et pour le mentoré (préparation comprise), chaque point d’étape décidé 0,5 h de supervision ; taux horaires 1\u202f090,5 (mentor), 60 (mentoré), 110 (superviseur) EUR',
      '50 % de chaque amélioration est attribué au mentorat',
      'Team turnover : 1\u202f500 EUR par unité d’amélioration (%), chiffres issus de HR report',
      'Engagement est relevé mais pas monétisé',
    ]);
    for (const line of en) expect(fr).not.toContain(line);
    expect(en[0]).toContain('hourly rates 1,090.5 (mentor)');
  });

  it('gives evidence recorded before its basis existed as it was recorded, in English', () => {
    const old: RoiEvidence = { ...evidence(1500), basis: undefined };
    expect(assumptionsOf([old], 'fr')).toEqual(old.assumptions);
    expect(old.assumptions[2]).toBe('Team turnover: 1500 EUR per unit of improvement (%), figures from HR report');
  });
});
