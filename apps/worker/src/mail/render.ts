import type { Notification } from '../../../../libs/domain/src/index.js';
import {
  AGAIN_TEXT,
  ESCALATION_TEXTS,
  MAIL_LANGUAGES,
  STAGE_LABELS,
  SUBJECT_LABELS,
  TEMPLATES,
  type MailLanguage,
} from './templates.js';
import { icsInvitation } from './ical.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  ical: string | null;
}

/** The first of a person's languages (ordered in the directory, preferred first) that we write in. */
export const mailLanguageOf = (languages: string[]): MailLanguage =>
  (languages.find((l) => (MAIL_LANGUAGES as readonly string[]).includes(l)) as MailLanguage | undefined) ?? 'en';

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template value "${name}" is missing`);
    return value;
  });
}

const formatDate = (iso: string, language: MailLanguage) =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso)) + ' UTC';

/**
 * Renders a notification in the recipient's language; `names` maps the ids of the people and the
 * program a message names to their display names.
 */
export function renderNotification(
  n: Notification,
  language: MailLanguage,
  names: Map<string, string>,
  organizerEmail: string,
): RenderedEmail {
  const name = (id: string) => names.get(id) ?? id;
  const p = n.params;
  const named = (key: string, id: string | undefined) => (id === undefined ? {} : { [key]: name(id) });
  const values: Record<string, string> = {
    recipient: name(n.to),
    ...named('mentee', p.menteeId),
    ...named('mentor', p.mentorId),
    ...named('supervisor', p.supervisorId),
    ...named('owner', p.ownerId),
    ...named('sponsor', p.sponsorId),
    ...named('program', p.programId),
    ...(p.mentorshipId ? { mentorshipId: p.mentorshipId } : {}),
    ...(p.programId ? { programId: p.programId } : {}),
    ...(p.review !== undefined ? { review: String(p.review) } : {}),
    ...(p.subject ? { what: SUBJECT_LABELS[language][p.subject] } : {}),
    ...(p.stage ? { stage: STAGE_LABELS[language][p.stage] } : {}),
    ...(p.checkpoint !== undefined ? { checkpoint: String(p.checkpoint) } : {}),
    ...(p.text !== undefined ? { text: p.text } : {}),
    ...(p.dueBy ? { dueBy: formatDate(p.dueBy, language) } : {}),
    again: p.round !== undefined ? fillTemplate(AGAIN_TEXT[language], { round: String(p.round) }) : '',
  };
  if (p.subject) {
    // An escalation speaks of the others by name: its texts are filled with the values above first.
    const escalation = ESCALATION_TEXTS[language][p.subject];
    values.situation = fillTemplate(escalation.situation, values);
    values.ask = fillTemplate(escalation.ask, values);
  }
  const t = TEMPLATES[language][n.template];
  const subject = fillTemplate(t.subject, values);
  const ical = n.calendar
    ? icsInvitation({
        ...n.calendar,
        summary: subject,
        description: fillTemplate(t.text, values),
        organizer: organizerEmail,
      })
    : null;
  return { subject, text: fillTemplate(t.text, values), ical };
}
