import type { FollowUpSubject, Notification, NotificationTemplate } from '../../../../libs/domain/src/index.js';
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

/** Who sends, where the pages are, and who receives (the attendee of a calendar invitation). */
export interface MailContext {
  /** From address of the mail, organizer of calendar invitations. */
  organizer: string;
  /** The public address of the dashboard, without a trailing slash (config PUBLIC_URL). */
  publicUrl: string;
  /** The recipient's address, when the directory has one. */
  attendee?: string | null;
}

/** Where on its page the reader acts on each message. */
const ANCHORS: Partial<Record<NotificationTemplate, string>> = {
  'approval-requested': '#approve',
  'kickoff-open': '#kickoff',
  'review-open': '#review',
  'checkpoint-invitation': '#decide',
  'changes-requested': '#checkpoints',
  'owner-escalation': '#owner',
  'program-launch-reminder': '#plan',
  'program-launch-escalation': '#plan',
  'program-review-open': '#reviews',
  'program-review-reminder': '#reviews',
  'program-review-escalation': '#reviews',
};

/** A reminder or an escalation: where on the page the step it is about is done (the owner's levers for the owner). */
const STEP_ANCHORS: Record<FollowUpSubject, string> = {
  'supervisor-approval': '#approve',
  kickoff: '#kickoff',
  session: '#log',
  checkpoint: '#decide',
  'midterm-review': '#review',
  'final-review': '#review',
};

/** The page where the reader of a message acts: its mentorship's, else its program's (the dashboard signs them in). */
export function linkOf(n: Notification, publicUrl: string): string {
  const page = n.params.mentorshipId
    ? `/dashboard/mentorships/${n.params.mentorshipId}`
    : `/dashboard/programs/${n.params.programId}`;
  const step = n.params.subject ? STEP_ANCHORS[n.params.subject] : undefined;
  return `${publicUrl}${page}${ANCHORS[n.template] ?? step ?? ''}`;
}

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
  context: MailContext,
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
    ...(n.calendar
      ? { meetingAt: formatDate(n.calendar.startsAt, language), meetingMinutes: String(n.calendar.minutes) }
      : {}),
    link: linkOf(n, context.publicUrl),
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
        url: values.link,
        organizer: { email: context.organizer, name: 'mentorflow' },
        attendee: context.attendee ? { email: context.attendee, name: values.recipient } : null,
      })
    : null;
  return { subject, text: fillTemplate(t.text, values), ical };
}
