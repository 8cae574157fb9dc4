export type UiLanguage = 'en' | 'fr';

/** Every word the dashboard shows, per language: translators edit text here, never markup. */
export const UI = {
  en: {
    title: 'mentorflow',
    signIn: 'Sign in',
    signOut: 'Sign out',
    token: 'Your access token',
    companySignIn: 'Sign in with your company account',
    home: 'Home',
    programs: 'Programs you run or follow',
    mentorships: 'Your mentorships',
    decisions: 'Checkpoints awaiting your decision',
    none: 'Nothing here.',
    phase: 'Phase',
    role: 'Your role',
    mentee: 'Mentee',
    mentor: 'Mentor',
    supervisor: 'Supervisor',
    owner: 'Owner',
    sessions: 'Sessions',
    nextSession: 'Next session due',
    open: 'Open',
    timeline: 'Phase timeline',
    cycle: 'Cycle',
    atRisk: 'At-risk mentorships',
    progress: 'Competency progress (mean levels gained)',
    roi: 'ROI evidence',
    closedWithEvidence: 'mentorships closed with evidence',
    upcoming: 'Upcoming checkpoints and reviews',
    reviewOpen: 'Re-alignment review open',
    checkpoint: 'Checkpoint',
    decide: 'Decide',
    approve: 'Approve',
    requestChanges: 'Request changes',
    escalate: 'Escalate to the owner',
    guidance: 'Guidance (required to request changes or escalate)',
    decided: 'Decision recorded',
    logSession: 'Log a session',
    minutes: 'Minutes',
    topics: 'Topics (comma-separated)',
    logged: 'Session logged',
    goals: 'Goals',
    decision: 'Decision',
    pending: 'pending',
    engagement: 'Engagement (sessions held ÷ expected)',
    reviewNotes: 'What the review found (KPIs, feedback, strategy)',
    keepCourse: 'Keep the course',
    cost: 'Cost',
    benefit: 'Monetised benefit',
    facts: 'Facts (before → after, source)',
    trainingPlan: 'Training plan and cases from earlier mentorships',
    planRecorded: 'The plan recorded for this cycle, as last edited.',
    planProposed: 'Not recorded yet: the plan the cohort calls for now.',
    competency: 'Competency',
    menteesTargeting: 'Mentees targeting it',
    meanGap: 'Mean gap',
    trainers: 'Experienced trainers',
    cases: 'Cases',
    casesRule:
      'Only from people who consented; private notes never; names, emails and ids replaced by roles ([mentee], [mentor], [supervisor], [colleague]).',
    situation: 'Situation',
    caseGuidance: 'The supervisor’s guidance',
    change: 'What changed',
  },
  fr: {
    title: 'mentorflow',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    token: 'Votre jeton d’accès',
    companySignIn: 'Se connecter avec votre compte d’entreprise',
    home: 'Accueil',
    programs: 'Programmes que vous pilotez ou suivez',
    mentorships: 'Vos mentorats',
    decisions: 'Points de supervision à trancher',
    none: 'Rien pour l’instant.',
    phase: 'Phase',
    role: 'Votre rôle',
    mentee: 'Mentoré·e',
    mentor: 'Mentor',
    supervisor: 'Superviseur',
    owner: 'Responsable',
    sessions: 'Séances',
    nextSession: 'Prochaine séance attendue',
    open: 'Ouvrir',
    timeline: 'Chronologie des phases',
    cycle: 'Cycle',
    atRisk: 'Mentorats à risque',
    progress: 'Progression des compétences (niveaux gagnés en moyenne)',
    roi: 'Preuves de retour sur investissement',
    closedWithEvidence: 'mentorats clos avec leurs preuves',
    upcoming: 'Points de supervision et revues à venir',
    reviewOpen: 'Revue d’alignement ouverte',
    checkpoint: 'Point de supervision',
    decide: 'Trancher',
    approve: 'Valider',
    requestChanges: 'Demander des ajustements',
    escalate: 'Faire remonter au responsable',
    guidance: 'Consignes (requises pour demander des ajustements ou faire remonter)',
    decided: 'Décision enregistrée',
    logSession: 'Enregistrer une séance',
    minutes: 'Minutes',
    topics: 'Sujets (séparés par des virgules)',
    logged: 'Séance enregistrée',
    goals: 'Objectifs',
    decision: 'Décision',
    pending: 'en attente',
    engagement: 'Engagement (séances tenues ÷ attendues)',
    reviewNotes: 'Ce que montre la revue (indicateurs, retours, stratégie)',
    keepCourse: 'Maintenir le cap',
    cost: 'Coût',
    benefit: 'Bénéfice chiffré',
    facts: 'Faits (avant → après, source)',
    trainingPlan: 'Plan de formation et cas des mentorats précédents',
    planRecorded: 'Le plan enregistré pour ce cycle, tel que modifié en dernier.',
    planProposed: 'Pas encore enregistré : le plan que demande la cohorte aujourd’hui.',
    competency: 'Compétence',
    menteesTargeting: 'Mentorés qui la visent',
    meanGap: 'Écart moyen',
    trainers: 'Formateurs expérimentés',
    cases: 'Cas',
    casesRule:
      'Seulement de personnes consentantes ; jamais de notes privées ; noms, courriels et identifiants remplacés par des rôles ([mentee], [mentor], [supervisor], [colleague]).',
    situation: 'Situation',
    caseGuidance: 'Les consignes du superviseur',
    change: 'Ce qui a changé',
  },
} as const;

export type UiText = (typeof UI)[UiLanguage];

/** The first of a person's directory languages that the dashboard speaks; `?lang=` overrides it. */
const isUiLanguage = (l: string | undefined): l is UiLanguage => l === 'fr' || l === 'en';
export const uiLanguageOf = (languages: string[], override?: string): UiLanguage =>
  isUiLanguage(override) ? override : (languages.find(isUiLanguage) ?? 'en');

/** What every page needs to speak to its reader: the language, its words, and dates in its format. */
export interface Ui {
  lang: UiLanguage;
  t: UiText;
  /** A date and time in the reader's language (UTC), or — when there is none. */
  date(iso: string | null): string;
}

export const uiFor = (lang: UiLanguage): Ui => {
  const format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return { lang, t: UI[lang], date: (iso) => (iso ? format.format(new Date(iso)) : '—') };
};
