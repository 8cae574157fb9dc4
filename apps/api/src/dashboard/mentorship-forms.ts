import { checked, number, text, type FormBody } from './form-values.js';

// The mentorship page's forms read into the shapes of their JSON routes' DTOs (checked there).

export const survey = (form: FormBody) => ({
  scores: {
    challenge: number(form, 'challenge'),
    guidedExperience: number(form, 'guidedExperience'),
    trust: number(form, 'trust'),
    practiceChange: number(form, 'practiceChange'),
  },
  ...(text(form, 'comment') ? { comment: text(form, 'comment') } : {}),
});

export function kickoffOf(form: FormBody) {
  const goals = [1, 2, 3].flatMap((i) => {
    const key = text(form, `goal${i}`);
    return key
      ? [{ competencyKey: key, targetLevel: number(form, `target${i}`), baseline: number(form, `baseline${i}`) }]
      : [];
  });
  const baselines = Object.fromEntries(
    goals.flatMap((g) => (g.baseline === undefined ? [] : [[g.competencyKey, g.baseline]])),
  );
  const factName = text(form, 'factName');
  return {
    goals: goals.map(({ competencyKey, targetLevel }) => ({ competencyKey, targetLevel })),
    ...(Object.keys(baselines).length ? { baselines } : {}),
    ...(factName
      ? {
          facts: [
            {
              name: factName,
              unit: text(form, 'factUnit') ?? '',
              source: text(form, 'factSource') ?? '',
              value: number(form, 'factValue'),
              lowerIsBetter: checked(form, 'factLowerIsBetter'),
              ...(text(form, 'factValuePerUnit') ? { valuePerUnit: number(form, 'factValuePerUnit') } : {}),
            },
          ],
        }
      : {}),
  };
}
