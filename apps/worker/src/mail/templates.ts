import type { FollowUpSubject, NotificationTemplate } from '../../../../libs/domain/src/index.js';

export const MAIL_LANGUAGES = ['en', 'fr'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

interface Template {
  subject: string;
  text: string;
}

/**
 * Every message, in every language, as a template with {{placeholders}}: translators edit text,
 * never code, and a missing value is an error at render time rather than a blank in a sent email.
 */
export const TEMPLATES: Record<MailLanguage, Record<NotificationTemplate, Template>> = {
  en: {
    'approval-requested': {
      subject: 'Please approve the mentorship of {{mentee}} with {{mentor}}',
      text: 'Hello {{recipient}},\n\nThe matching paired {{mentee}} (mentee) with {{mentor}} (mentor), under your supervision. Please approve the pair so that they can agree on their goals.\n\nOpen the mentorship: {{link}}',
    },
    'kickoff-open': {
      subject: 'Your mentorship can start: agree on its goals',
      text: 'Hello {{recipient}},\n\n{{supervisor}} approved the mentorship of {{mentee}} with {{mentor}}. Agree together on one to three goal competencies with their target levels; the mentor also records the baseline levels and the operational facts measured today.\n\nOpen the mentorship: {{link}}',
    },
    'review-open': {
      subject: 'The {{stage}} review of your mentorship is open',
      text: 'Hello {{recipient}},\n\nThe {{stage}} review of the mentorship of {{mentee}} with {{mentor}} is open. Please answer the interaction-quality survey; the mentor also re-assesses the goal competencies.\n\nOpen the mentorship: {{link}}',
    },
    'checkpoint-invitation': {
      subject: 'Supervision checkpoint {{checkpoint}}: {{mentor}} mentoring {{mentee}}',
      text: "Hello {{recipient}},\n\nCheckpoint {{checkpoint}} is open. Review {{mentor}}'s sessions, the goal progress and {{mentee}}'s latest pulse, then approve, request changes or escalate before {{dueBy}}. The attached invitation proposes a meeting on {{meetingAt}} ({{meetingMinutes}} minutes).\n\nOpen the mentorship: {{link}}",
    },
    'changes-requested': {
      subject: 'Your supervisor asks for changes (checkpoint {{checkpoint}})',
      text: 'Hello {{recipient}},\n\n{{supervisor}} reviewed your mentorship of {{mentee}} and asks for changes:\n\n{{text}}\n\nOpen the mentorship: {{link}}',
    },
    'owner-escalation': {
      subject: 'Escalated: the mentorship of {{mentee}} with {{mentor}}',
      text: 'Hello {{recipient}},\n\n{{supervisor}} escalated checkpoint {{checkpoint}} to you:\n\n{{text}}\n\nYou may pause or end the mentorship and ask for a rematch.\n\nOpen the mentorship: {{link}}',
    },
    reminder: {
      subject: 'Reminder: {{what}}',
      text: 'Hello {{recipient}},\n\nA reminder about the mentorship of {{mentee}} with {{mentor}}: {{what}}.\n\nOpen the mentorship: {{link}}',
    },
    escalation: {
      subject: 'Needs your attention: {{situation}}',
      text: 'Hello {{recipient}},\n\nIn the mentorship of {{mentee}} with {{mentor}}, {{situation}} ({{text}}); the reminder went unanswered.\n\n{{ask}}{{again}}\n\nOpen the mentorship: {{link}}',
    },
    closed: {
      subject: 'The mentorship of {{mentee}} with {{mentor}} is complete',
      text: 'Hello {{recipient}},\n\nBoth final reviews are in: the mentorship is closed and its evidence (competency progress, operational changes, cost) is recorded.\n\nThank you.\n\nOpen the mentorship: {{link}}',
    },
    terminated: {
      subject: 'The mentorship of {{mentee}} with {{mentor}} has ended',
      text: "Hello {{recipient}},\n\nThe program's owner ended the mentorship early. Reason: {{text}}\n\nOpen the mentorship: {{link}}",
    },
    'program-launch-reminder': {
      subject: 'Reminder: the program "{{program}}" awaits your approval',
      text: 'Hello {{recipient}},\n\n{{owner}} prepared the program "{{program}}" (objectives, KPIs, policy) and it awaits your approval as its sponsor before people can enrol.\n\nOpen the program: {{link}}',
    },
    'program-launch-escalation': {
      subject: 'The launch of "{{program}}" is still not approved',
      text: 'Hello {{recipient}},\n\n{{sponsor}} has not approved the program "{{program}}" after a reminder. Please talk to them, or revise the plan with them.{{again}}\n\nOpen the program: {{link}}',
    },
    'program-review-open': {
      subject: 'Re-alignment review {{review}} of "{{program}}" is open',
      text: 'Hello {{recipient}},\n\nIt is time for re-alignment review {{review}} of the program "{{program}}". Look at the KPIs against their targets, the participants\' feedback and the at-risk mentorships, then keep the course or adjust the objectives, with your notes.\n\nOpen the program: {{link}}',
    },
    'program-review-reminder': {
      subject: 'Reminder: re-alignment review {{review}} of "{{program}}" awaits your decision',
      text: 'Hello {{recipient}},\n\nRe-alignment review {{review}} of the program "{{program}}" is still open. Please keep the course or adjust the objectives; without a decision the sponsor, {{sponsor}}, will be told.\n\nOpen the program: {{link}}',
    },
    'program-review-escalation': {
      subject: 'Needs your attention: re-alignment review {{review}} of "{{program}}" is not decided',
      text: 'Hello {{recipient}},\n\n{{owner}} has not decided re-alignment review {{review}} of the program "{{program}}" after a reminder. The sponsor is told so that the program stays aligned with the strategy: please agree together to keep the course or to adjust the objectives.{{again}}\n\nOpen the program: {{link}}',
    },
  },
  fr: {
    'approval-requested': {
      subject: 'Merci de valider le mentorat de {{mentee}} avec {{mentor}}',
      text: "Bonjour {{recipient}},\n\nLe matching a associé {{mentee}} (mentoré·e) à {{mentor}} (mentor), sous votre supervision. Merci de valider ce binôme pour qu'il puisse convenir de ses objectifs.\n\nOuvrir le mentorat : {{link}}",
    },
    'kickoff-open': {
      subject: 'Votre mentorat peut commencer : convenez de ses objectifs',
      text: "Bonjour {{recipient}},\n\n{{supervisor}} a validé le mentorat de {{mentee}} avec {{mentor}}. Convenez ensemble d'une à trois compétences cibles et de leurs niveaux visés ; le mentor note aussi les niveaux de départ et les indicateurs opérationnels mesurés aujourd'hui.\n\nOuvrir le mentorat : {{link}}",
    },
    'review-open': {
      subject: 'Le bilan {{stage}} de votre mentorat est ouvert',
      text: 'Bonjour {{recipient}},\n\nLe bilan {{stage}} du mentorat de {{mentee}} avec {{mentor}} est ouvert. Merci de répondre au questionnaire sur la qualité des échanges ; le mentor réévalue aussi les compétences cibles.\n\nOuvrir le mentorat : {{link}}',
    },
    'checkpoint-invitation': {
      subject: 'Point de supervision {{checkpoint}} : {{mentor}} accompagne {{mentee}}',
      text: "Bonjour {{recipient}},\n\nLe point de supervision {{checkpoint}} est ouvert. Consultez les séances de {{mentor}}, la progression des objectifs et le dernier baromètre de {{mentee}}, puis validez, demandez des ajustements ou faites remonter avant le {{dueBy}}. L'invitation jointe propose une réunion le {{meetingAt}} ({{meetingMinutes}} minutes).\n\nOuvrir le mentorat : {{link}}",
    },
    'changes-requested': {
      subject: 'Votre superviseur demande des ajustements (point {{checkpoint}})',
      text: 'Bonjour {{recipient}},\n\n{{supervisor}} a examiné votre mentorat de {{mentee}} et demande des ajustements :\n\n{{text}}\n\nOuvrir le mentorat : {{link}}',
    },
    'owner-escalation': {
      subject: 'Remontée : le mentorat de {{mentee}} avec {{mentor}}',
      text: 'Bonjour {{recipient}},\n\n{{supervisor}} vous fait remonter le point de supervision {{checkpoint}} :\n\n{{text}}\n\nVous pouvez suspendre ou arrêter le mentorat et demander un nouveau binôme.\n\nOuvrir le mentorat : {{link}}',
    },
    reminder: {
      subject: 'Rappel : {{what}}',
      text: 'Bonjour {{recipient}},\n\nUn rappel concernant le mentorat de {{mentee}} avec {{mentor}} : {{what}}.\n\nOuvrir le mentorat : {{link}}',
    },
    escalation: {
      subject: 'Votre attention est requise : {{situation}}',
      text: 'Bonjour {{recipient}},\n\nDans le mentorat de {{mentee}} avec {{mentor}}, {{situation}} ({{text}}) ; le rappel est resté sans suite.\n\n{{ask}}{{again}}\n\nOuvrir le mentorat : {{link}}',
    },
    closed: {
      subject: 'Le mentorat de {{mentee}} avec {{mentor}} est terminé',
      text: 'Bonjour {{recipient}},\n\nLes deux bilans finaux sont remplis : le mentorat est clos et ses résultats (progression des compétences, évolution des indicateurs, coût) sont enregistrés.\n\nMerci.\n\nOuvrir le mentorat : {{link}}',
    },
    terminated: {
      subject: 'Le mentorat de {{mentee}} avec {{mentor}} a pris fin',
      text: 'Bonjour {{recipient}},\n\nLe responsable du programme a mis fin au mentorat de manière anticipée. Motif : {{text}}\n\nOuvrir le mentorat : {{link}}',
    },
    'program-launch-reminder': {
      subject: 'Rappel : le programme « {{program}} » attend votre validation',
      text: 'Bonjour {{recipient}},\n\n{{owner}} a préparé le programme « {{program}} » (objectifs, indicateurs, règles) ; il attend votre validation de sponsor avant les inscriptions.\n\nOuvrir le programme : {{link}}',
    },
    'program-launch-escalation': {
      subject: "Le lancement de « {{program}} » n'est toujours pas validé",
      text: "Bonjour {{recipient}},\n\n{{sponsor}} n'a pas validé le programme « {{program}} » malgré un rappel. Merci d'en parler avec cette personne, ou de revoir le plan avec elle.{{again}}\n\nOuvrir le programme : {{link}}",
    },
    'program-review-open': {
      subject: "La revue d'alignement {{review}} de « {{program}} » est ouverte",
      text: "Bonjour {{recipient}},\n\nC'est le moment de la revue d'alignement {{review}} du programme « {{program}} ». Consultez les indicateurs face à leurs cibles, les retours des participants et les mentorats à risque, puis maintenez le cap ou ajustez les objectifs, avec vos notes.\n\nOuvrir le programme : {{link}}",
    },
    'program-review-reminder': {
      subject: "Rappel : la revue d'alignement {{review}} de « {{program}} » attend votre décision",
      text: "Bonjour {{recipient}},\n\nLa revue d'alignement {{review}} du programme « {{program}} » est toujours ouverte. Merci de maintenir le cap ou d'ajuster les objectifs ; sans décision, le sponsor, {{sponsor}}, en sera informé.\n\nOuvrir le programme : {{link}}",
    },
    'program-review-escalation': {
      subject: "Votre attention est requise : la revue d'alignement {{review}} de « {{program}} » n'est pas tranchée",
      text: "Bonjour {{recipient}},\n\n{{owner}} n'a pas tranché la revue d'alignement {{review}} du programme « {{program}} » malgré un rappel. Le sponsor en est informé pour que le programme reste aligné sur la stratégie : merci de convenir ensemble de maintenir le cap ou d'ajuster les objectifs.{{again}}\n\nOuvrir le programme : {{link}}",
    },
  },
};

/** What a reminder or escalation is about, per language. */
export const SUBJECT_LABELS: Record<MailLanguage, Record<FollowUpSubject, string>> = {
  en: {
    'supervisor-approval': 'the pair awaits your approval',
    kickoff: 'agree on the goals of the mentorship',
    session: 'a mentoring session is due; log it once held',
    checkpoint: 'a supervision checkpoint awaits your decision',
    'midterm-review': 'the midterm review awaits your answers',
    'final-review': 'the final review awaits your answers',
  },
  fr: {
    'supervisor-approval': 'le binôme attend votre validation',
    kickoff: 'convenez des objectifs du mentorat',
    session: 'une séance de mentorat est attendue ; enregistrez-la une fois tenue',
    checkpoint: 'un point de supervision attend votre décision',
    'midterm-review': 'le bilan de mi-parcours attend vos réponses',
    'final-review': 'le bilan final attend vos réponses',
  },
};

/**
 * What an escalation's reader learns (the situation) and is asked to do: the reader is never the one
 * who was reminded, so the texts speak of the others by name.
 */
export const ESCALATION_TEXTS: Record<MailLanguage, Record<FollowUpSubject, { situation: string; ask: string }>> = {
  en: {
    'supervisor-approval': {
      situation: '{{supervisor}} has not approved the pair',
      ask: 'Please ask {{supervisor}} to approve it, or end the mentorship and ask for another supervisor.',
    },
    kickoff: {
      situation: 'the goals are not agreed',
      ask: 'Please help {{mentor}} and {{mentee}} agree on one to three goal competencies.',
    },
    session: {
      situation: 'no session is logged',
      ask: 'Please check in with {{mentor}}: a session was due, and {{mentee}} is waiting for it.',
    },
    checkpoint: {
      situation: 'a supervision checkpoint is not decided',
      ask: 'Please ask {{supervisor}} to decide the checkpoint, or decide what happens to the mentorship.',
    },
    'midterm-review': {
      situation: 'the midterm review is not answered',
      ask: 'Please remind {{mentor}} and {{mentee}} to answer their midterm review; you do not answer it yourself.',
    },
    'final-review': {
      situation: 'the final review is not answered',
      ask: 'Please remind {{mentor}} and {{mentee}} to answer their final review; you do not answer it yourself.',
    },
  },
  fr: {
    'supervisor-approval': {
      situation: "{{supervisor}} n'a pas validé le binôme",
      ask: 'Merci de demander à {{supervisor}} de le valider, ou de mettre fin au mentorat pour confier le binôme à un autre superviseur.',
    },
    kickoff: {
      situation: 'les objectifs ne sont pas convenus',
      ask: "Merci d'aider {{mentor}} et {{mentee}} à convenir d'une à trois compétences cibles.",
    },
    session: {
      situation: "aucune séance n'est enregistrée",
      ask: 'Merci de faire le point avec {{mentor}} : une séance était attendue et {{mentee}} l’attend.',
    },
    checkpoint: {
      situation: "un point de supervision n'est pas tranché",
      ask: 'Merci de demander à {{supervisor}} de trancher le point de supervision, ou de décider de la suite du mentorat.',
    },
    'midterm-review': {
      situation: "le bilan de mi-parcours n'est pas rempli",
      ask: "Merci de rappeler à {{mentor}} et {{mentee}} de remplir leur bilan de mi-parcours ; vous n'avez pas à le remplir vous-même.",
    },
    'final-review': {
      situation: "le bilan final n'est pas rempli",
      ask: "Merci de rappeler à {{mentor}} et {{mentee}} de remplir leur bilan final ; vous n'avez pas à le remplir vous-même.",
    },
  },
};

/** The follow-up ladder: what a repeated escalation adds (`{{round}}`: 2, 3…). */
export const AGAIN_TEXT: Record<MailLanguage, string> = {
  en: '\n\nThis is reminder {{round}} to you: you will be told again until it is done.',
  fr: "\n\nC'est la relance n° {{round}} qui vous est adressée : vous en serez informé·e jusqu'à ce que ce soit fait.",
};

export const STAGE_LABELS: Record<MailLanguage, Record<'midterm' | 'final', string>> = {
  en: { midterm: 'midterm', final: 'final' },
  fr: { midterm: 'de mi-parcours', final: 'final' },
};
