import type { MentorContribution } from '../../../../libs/domain/src/index.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const decimalFr = (n: number) => String(n).replace('.', ',');

/**
 * Highlight texts for internal communication, from templates: the mentor's name and figures only,
 * so that nothing of a mentee's personal situation leaks into a newsletter.
 */
export function highlight(c: MentorContribution, name: string): { en: string; fr: string } {
  const gained = c.menteeProgress;
  const progress =
    gained === null
      ? ''
      : ` Their mentees gained ${gained} ${Math.abs(gained) === 1 ? 'level' : 'levels'} on average on their goal competencies.`;
  const progressFr =
    gained === null
      ? ''
      : ` Ses mentorés ont gagné en moyenne ${decimalFr(gained)} ${Math.abs(gained) < 2 ? 'niveau' : 'niveaux'} sur leurs compétences cibles.`;
  return {
    en: `This cycle, ${name} mentored ${plural(c.mentorships, 'manager', 'managers')} for ${plural(c.hours, 'hour', 'hours')} of sessions.${progress}`,
    fr: `Pendant ce cycle, ${name} a accompagné ${plural(c.mentorships, 'manager', 'managers')} pendant ${plural(c.hours, 'heure', 'heures')} de séances.${progressFr}`,
  };
}
