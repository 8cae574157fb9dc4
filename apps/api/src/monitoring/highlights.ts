import type { MentorContribution } from '../../../../libs/domain/src/index.js';

/** Highlight texts from templates; figures only, so that nothing personal leaks into a newsletter. */
export function highlight(c: MentorContribution): { en: string; fr: string } {
  const progress =
    c.menteeProgress === null
      ? ''
      : ` Their mentees gained ${c.menteeProgress} level(s) on average on their goal competencies.`;
  const progressFr =
    c.menteeProgress === null
      ? ''
      : ` Leurs mentorés ont gagné en moyenne ${c.menteeProgress} niveau(x) sur leurs compétences cibles.`;
  return {
    en: `This cycle, ${c.mentorId} mentored ${c.mentorships} manager(s) for ${c.hours} hour(s) of sessions.${progress}`,
    fr: `Pendant ce cycle, ${c.mentorId} a accompagné ${c.mentorships} manager(s) pendant ${c.hours} heure(s) de séances.${progressFr}`,
  };
}
