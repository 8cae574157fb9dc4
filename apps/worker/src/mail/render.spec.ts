import { describe, expect, it } from '@jest/globals';
import {
  mentorshipNotifications,
  programNotifications,
  type MentorshipEvent,
  type NotificationTemplate,
  type ProgramEvent,
} from '../../../../libs/domain/src/index.js';
import { icsInvitation } from './ical.js';
import { fillTemplate, linkOf, mailLanguageOf, renderNotification } from './render.js';
import { MAIL_LANGUAGES, TEMPLATES } from './templates.js';

const pair = {
  mentorshipId: 'm-1',
  programId: 'p-1',
  menteeId: 'zoe',
  mentorId: 'eloise',
  supervisorId: 'paul',
  ownerId: 'claire',
};
const names = new Map([
  ['zoe', 'Zoé Bernard'],
  ['eloise', 'Éloïse Durand'],
  ['paul', 'Paul Roy'],
  ['claire', 'Claire Martin'],
]);
const at = '2027-03-01T09:00:00.000Z';
const ctx = { organizer: 'mentorflow@example.com', publicUrl: 'https://mentorflow.example.com' };
const events: MentorshipEvent[] = [
  { type: 'MentorshipCreated', at, actorId: 'claire', data: pair },
  {
    type: 'MentorshipPhaseChanged',
    at,
    actorId: 'paul',
    data: { from: 'AWAITING_SUPERVISOR_APPROVAL', to: 'KICKOFF', reason: 'approved' },
  },
  {
    type: 'MentorshipPhaseChanged',
    at,
    actorId: 'system',
    data: { from: 'ACTIVE', to: 'MIDTERM_REVIEW', reason: 'midterm' },
  },
  { type: 'CheckpointOpened', at, actorId: 'system', data: { checkpoint: 2, decideBy: '2027-03-06T09:00:00.000Z' } },
  {
    type: 'CheckpointDecided',
    at,
    actorId: 'paul',
    data: { checkpoint: 2, decision: 'request-changes', guidance: 'One case, each time.' },
  },
  {
    type: 'CheckpointDecided',
    at,
    actorId: 'paul',
    data: { checkpoint: 3, decision: 'escalate', guidance: 'No sessions for a month.' },
  },
  { type: 'ReminderSent', at, actorId: 'system', data: { subject: 'session', occurrence: at, to: ['eloise'] } },
  {
    type: 'Escalated',
    at,
    actorId: 'system',
    data: { subject: 'checkpoint', occurrence: '2', to: 'claire', missing: 'checkpoint 2 is not decided' },
  },
  {
    type: 'MentorshipPhaseChanged',
    at,
    actorId: 'zoe',
    data: { from: 'FINAL_EVALUATION', to: 'CLOSED', reason: 'done' },
  },
  {
    type: 'MentorshipPhaseChanged',
    at,
    actorId: 'claire',
    data: { from: 'ACTIVE', to: 'TERMINATED', reason: 'moved abroad' },
  },
];
const notifications = mentorshipNotifications(
  pair,
  events.map((event, i) => ({ event, version: i + 1 })),
);

describe('who is told what', () => {
  it('maps each event to its recipients with one key per event and recipient', () => {
    const summary = notifications.map((n) => `${n.template}→${n.to}`);
    expect(summary).toEqual([
      'approval-requested→paul',
      'kickoff-open→eloise',
      'kickoff-open→zoe',
      'review-open→eloise',
      'review-open→zoe',
      'checkpoint-invitation→paul',
      'changes-requested→eloise',
      'owner-escalation→claire',
      'reminder→eloise',
      'escalation→claire',
      'closed→eloise',
      'closed→zoe',
      'closed→paul',
      'terminated→eloise',
      'terminated→zoe',
      'terminated→paul',
    ]);
    expect(new Set(notifications.map((n) => n.key)).size).toBe(notifications.length);
  });
});

const programEvents: ProgramEvent[] = [
  { type: 'LaunchApprovalReminderDue', at, actorId: 'system', data: { sponsorId: 'sam', reminder: 1 } },
  { type: 'LaunchApprovalEscalated', at, actorId: 'system', data: { sponsorId: 'sam', ownerId: 'claire' } },
  { type: 'LaunchApproved', at, actorId: 'sam', data: { sponsorId: 'sam', comment: null } },
  { type: 'ReviewOpened', at, actorId: 'system', data: { review: 3 } },
  { type: 'ReviewReminderSent', at, actorId: 'system', data: { review: 3, ownerId: 'claire' } },
  { type: 'ReviewEscalated', at, actorId: 'system', data: { review: 3, sponsorId: 'sam' } },
];
const programMails = programNotifications(
  { programId: 'p-1', ownerId: 'claire', sponsorId: 'sam' },
  programEvents.map((event, i) => ({ event, version: 10 + i })),
);
names.set('sam', 'Sam Taylor');
names.set('p-1', 'Cycle 2027');

describe('who is told what by a program', () => {
  it('reminds the sponsor of the launch and the owner of a review, and escalates each to the other', () => {
    expect(programMails.map((n) => `${n.template}→${n.to}`)).toEqual([
      'program-launch-reminder→sam',
      'program-launch-escalation→claire',
      'program-review-open→claire',
      'program-review-reminder→claire',
      'program-review-escalation→sam',
    ]);
    expect(programMails[4].key).toBe('program:p-1/v15/program-review-escalation/sam');
  });

  it('names the program and the review in both languages', () => {
    const open = programMails.find((n) => n.template === 'program-review-open')!;
    expect(renderNotification(open, 'fr', names, ctx).subject).toBe(
      "La revue d'alignement 3 de « Cycle 2027 » est ouverte",
    );
    const escalation = renderNotification(programMails[4], 'en', names, ctx);
    expect(escalation.subject).toBe('Needs your attention: re-alignment review 3 of "Cycle 2027" is not decided');
    expect(escalation.text).toContain('Claire Martin has not decided');
  });
});

describe('links in every email', () => {
  it('lead each reader to the page where they act, and name no id in the text', () => {
    for (const n of [...notifications, ...programMails]) {
      for (const lang of MAIL_LANGUAGES) {
        const mail = renderNotification(n, lang, names, ctx);
        const page = n.params.mentorshipId
          ? `/dashboard/mentorships/${n.params.mentorshipId}`
          : `/dashboard/programs/${n.params.programId}`;
        expect(mail.text).toContain(`https://mentorflow.example.com${page}`);
        expect(linkOf(n, ctx.publicUrl).startsWith(`https://mentorflow.example.com${page}`)).toBe(true);
        expect(mail.text).not.toMatch(/Mentorship m-1|Mentorat m-1|Program p-1|Programme p-1/);
      }
    }
  });

  it('lead a reminder or an escalation to the form of the step it is about', () => {
    const about = (subject: 'session' | 'checkpoint', template: NotificationTemplate) =>
      linkOf({ ...notifications[0], template, params: { ...notifications[0].params, subject } }, ctx.publicUrl);
    expect(about('session', 'reminder')).toBe('https://mentorflow.example.com/dashboard/mentorships/m-1#log');
    expect(about('checkpoint', 'escalation')).toBe('https://mentorflow.example.com/dashboard/mentorships/m-1#decide');
  });

  it('tell the supervisor when the checkpoint meeting is proposed', () => {
    const invitation = notifications.find((n) => n.template === 'checkpoint-invitation')!;
    expect(renderNotification(invitation, 'en', names, ctx).text).toContain(
      'a meeting on 3 March 2027 at 21:00 UTC (45 minutes)',
    );
  });
});

describe('mail templates', () => {
  it('has every template in every language, with the same placeholders', () => {
    const placeholders = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const name of Object.keys(TEMPLATES.en) as NotificationTemplate[]) {
      for (const lang of MAIL_LANGUAGES) {
        expect([name, lang, placeholders(TEMPLATES[lang][name].text)]).toEqual([
          name,
          lang,
          placeholders(TEMPLATES.en[name].text),
        ]);
      }
    }
  });

  it('renders every notification in French and in English with no placeholder left', () => {
    for (const n of [...notifications, ...programMails]) {
      for (const lang of MAIL_LANGUAGES) {
        const mail = renderNotification(n, lang, names, ctx);
        expect(mail.subject + mail.text).not.toMatch(/\{\{|undefined/);
      }
    }
    const fr = renderNotification(
      notifications.find((n) => n.template === 'changes-requested')!,
      'fr',
      names,
      ctx,
    );
    expect(fr.subject).toBe('Votre superviseur demande des ajustements (point 2)');
    expect(fr.text).toContain('One case, each time.');
  });

  it('refuses to render with a value missing rather than send a blank', () => {
    expect(() => fillTemplate('Hello {{recipient}}', {})).toThrow(/recipient/);
  });

  it('writes in the first of a person’s languages that we write in', () => {
    expect(mailLanguageOf(['pt', 'fr', 'en'])).toBe('fr');
    expect(mailLanguageOf(['de'])).toBe('en');
  });
});

describe('iCalendar invitation', () => {
  it('is an RFC 5545 request with escaped text and folded lines', () => {
    const invitation = renderNotification(
      notifications.find((n) => n.template === 'checkpoint-invitation')!,
      'en',
      names,
      { ...ctx, attendee: 'paul@example.com' },
    ).ical!;
    expect(invitation).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(invitation).toContain('METHOD:REQUEST');
    expect(invitation).toContain('UID:mentorship-m-1-checkpoint-2@mentorflow');
    // Halfway through the decision window (opened 1 March 09:00, decide by 6 March 09:00).
    expect(invitation).toContain('DTSTART:20270303T210000Z');
    expect(invitation).toContain('DTEND:20270303T214500Z');
    const unfolded = invitation.replace(/\r\n /g, '');
    expect(unfolded).toContain('ORGANIZER;CN="mentorflow":mailto:mentorflow@example.com');
    expect(unfolded).toContain(
      'ATTENDEE;CN="Paul Roy";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:paul@example.com',
    );
    expect(unfolded).toContain('URL:https://mentorflow.example.com/dashboard/mentorships/m-1#decide');
    for (const line of invitation.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const raw = icsInvitation({
      uid: 'u',
      startsAt: at,
      minutes: 30,
      summary: 'a, b; c',
      description: 'x\ny',
      organizer: { email: 'o@x', name: 'mentorflow' },
      attendee: null,
    });
    expect(raw).toContain('SUMMARY:a\\, b\\; c');
    expect(raw).toContain('DESCRIPTION:x\\ny');
  });
});

describe('escalation texts say what the reader is asked to do', () => {
  const escalated = (subject: 'midterm-review' | 'supervisor-approval', to: string, round?: number) =>
    mentorshipNotifications(pair, [
      {
        version: 9,
        event: {
          type: 'Escalated',
          at,
          actorId: 'system',
          data: { subject, occurrence: at, to, missing: 'since 1 March', ...(round ? { round } : {}) },
        },
      },
    ])[0];

  it('asks the supervisor to remind the parties of a review, never to answer it', () => {
    for (const lang of MAIL_LANGUAGES) {
      const mail = renderNotification(escalated('midterm-review', 'paul'), lang, names, ctx);
      expect(mail.text).toContain('Éloïse Durand');
      expect(mail.text).not.toMatch(/awaits your answers|attend vos réponses/);
    }
    const en = renderNotification(escalated('midterm-review', 'paul'), 'en', names, ctx);
    expect(en.subject).toBe('Needs your attention: the midterm review is not answered');
    expect(en.text).toContain('Please remind Éloïse Durand and Zoé Bernard to answer their midterm review');
  });

  it('tells the owner which round of the ladder a repeat is', () => {
    const repeat = renderNotification(escalated('supervisor-approval', 'claire', 3), 'en', names, ctx);
    expect(repeat.subject).toBe('Needs your attention: Paul Roy has not approved the pair');
    expect(repeat.text).toContain('This is reminder 3 to you');
    const first = renderNotification(escalated('supervisor-approval', 'claire'), 'fr', names, ctx);
    expect(first.text).not.toContain('relance n°');
  });
});
