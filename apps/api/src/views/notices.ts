import type { UiLanguage } from './i18n.js';

/**
 * Every banner a dashboard page may show after a redirect, by code. The URL carries the code only
 * (`?notice=done.logged`), never text: a link cannot make a page say something of its own, and a
 * code not in this list shows nothing.
 */
export const NOTICES = {
  'done.decided': { kind: 'done', en: 'Decision recorded', fr: 'Décision enregistrée' },
  'done.logged': { kind: 'done', en: 'Session logged', fr: 'Séance enregistrée' },
  'done.kept': { kind: 'done', en: 'The course is kept', fr: 'Le cap est maintenu' },
  'done.training-recorded': { kind: 'done', en: 'Training session recorded', fr: 'Session de formation enregistrée' },
  'done.terminated': { kind: 'done', en: 'Mentorship ended', fr: 'Mentorat arrêté' },
  'done.reviewed': { kind: 'done', en: 'Review recorded', fr: 'Bilan enregistré' },
  'done.resumed': { kind: 'done', en: 'Mentorship resumed', fr: 'Mentorat repris' },
  'done.proposal-requested': {
    kind: 'done',
    en: 'Proposal asked for: it appears below in a few seconds',
    fr: 'Proposition demandée : elle apparaît ci-dessous d’ici quelques secondes',
  },
  'done.renewed': {
    kind: 'done',
    en: 'Program renewed: the next cycle starts with its planning',
    fr: 'Programme renouvelé : le cycle suivant commence par sa planification',
  },
  'done.pulse': {
    kind: 'done',
    en: 'Thank you: your answers are recorded',
    fr: 'Merci : vos réponses sont enregistrées',
  },
  'done.proposal-approved': {
    kind: 'done',
    en: 'Proposal approved: the cycle moves to training',
    fr: 'Proposition validée : le cycle passe à la formation',
  },
  'done.paused': { kind: 'done', en: 'Mentorship paused', fr: 'Mentorat suspendu' },
  'done.lessons-recorded': { kind: 'done', en: 'Lessons recorded', fr: 'Retours d’expérience enregistrés' },
  'done.launch-approved': { kind: 'done', en: 'Launch approved', fr: 'Lancement validé' },
  'done.extra-checkpoint': {
    kind: 'done',
    en: 'Extra checkpoint opened',
    fr: 'Point de supervision supplémentaire ouvert',
  },
  'done.execution-started': {
    kind: 'done',
    en: 'Execution started: mentorships of trained mentors start now',
    fr: 'Mentorats lancés : ceux des mentors formés démarrent maintenant',
  },
  'done.evaluation-started': {
    kind: 'done',
    en: 'The cycle is being evaluated',
    fr: 'Le cycle est en cours d’évaluation',
  },
  'done.enrolled': { kind: 'done', en: 'Enrolled', fr: 'Inscrit·e' },
  'done.program-created': {
    kind: 'done',
    en: 'Program created: its sponsor is asked to approve the launch',
    fr: 'Programme créé : son sponsor est invité à valider le lancement',
  },
  'done.program-closed': { kind: 'done', en: 'Program closed', fr: 'Programme clos' },
  'done.supervisor-assigned': { kind: 'done', en: 'Supervisor assigned', fr: 'Superviseur affecté' },
  'done.pair-approved': { kind: 'done', en: 'Pair approved', fr: 'Binôme validé' },
  'done.goals-agreed': { kind: 'done', en: 'Goals agreed', fr: 'Objectifs convenus' },
  'done.imported': { kind: 'done', en: 'Imported', fr: 'Importé' },
  'signed-out': { kind: 'done', en: 'You are signed out.', fr: 'Vous êtes déconnecté·e.' },
  'sign-in.refused': {
    kind: 'refused',
    en: 'This token is unknown, expired or revoked.',
    fr: 'Ce jeton est inconnu, expiré ou révoqué.',
  },
  'sign-in.too-many': {
    kind: 'refused',
    en: 'Too many failed sign-ins from here: wait a minute and try again.',
    fr: 'Trop d’échecs de connexion depuis ce poste : attendez une minute puis réessayez.',
  },
  'session.ended': {
    kind: 'refused',
    en: 'Your session has ended: sign in again.',
    fr: 'Votre session a pris fin : reconnectez-vous.',
  },
  'oidc.unknown-person': {
    kind: 'refused',
    en: 'Your company account matches nobody in mentorflow’s directory (or someone who has left).',
    fr: 'Votre compte d’entreprise ne correspond à personne dans l’annuaire de mentorflow (ou à une personne partie).',
  },
  'oidc.failed': {
    kind: 'refused',
    en: 'Sign-in with your company account did not complete: try again.',
    fr: 'La connexion avec votre compte d’entreprise n’a pas abouti : réessayez.',
  },
  'refused.role': {
    kind: 'refused',
    en: 'Your roles do not allow this action.',
    fr: 'Vos rôles ne permettent pas cette action.',
  },
  'refused.forbidden': {
    kind: 'refused',
    en: 'You may not do this here.',
    fr: 'Vous ne pouvez pas faire cela ici.',
  },
  'refused.not-found': {
    kind: 'refused',
    en: 'There is nothing of that kind for you here.',
    fr: 'Il n’y a rien de tel pour vous ici.',
  },
  'refused.phase': {
    kind: 'refused',
    en: 'Not possible now: the program or mentorship is not at that step (or has ended).',
    fr: 'Impossible pour l’instant : le programme ou le mentorat n’en est pas à cette étape (ou est terminé).',
  },
  'refused.invalid': {
    kind: 'refused',
    en: 'Something in the form is not valid: check it and send it again.',
    fr: 'Un élément du formulaire n’est pas valide : vérifiez-le et renvoyez-le.',
  },
  'refused.key-reused': {
    kind: 'refused',
    en: 'This form was already sent with other values: reload the page.',
    fr: 'Ce formulaire a déjà été envoyé avec d’autres valeurs : rechargez la page.',
  },
  'refused.in-progress': {
    kind: 'refused',
    en: 'This form is still being processed: wait a moment.',
    fr: 'Ce formulaire est encore en cours de traitement : patientez un instant.',
  },
  'refused.busy': {
    kind: 'refused',
    en: 'Too many requests, or the system is busy: try again shortly.',
    fr: 'Trop de demandes, ou le système est occupé : réessayez dans un instant.',
  },
} as const satisfies Record<string, { kind: 'done' | 'refused' } & Record<UiLanguage, string>>;

export type NoticeCode = keyof typeof NOTICES;

/** The notice a query names, or null for anything not in the list. */
export const noticeOf = (value: unknown): NoticeCode | null =>
  typeof value === 'string' && Object.hasOwn(NOTICES, value) ? (value as NoticeCode) : null;

/** The notice for a refusal, from its HTTP status and stable code (never from its text). */
export function refusalNotice(status: number, code: string | undefined): NoticeCode {
  if (code === 'AUTH.ROLE_REQUIRED') return 'refused.role';
  if (code === 'IDEMPOTENCY.KEY_REUSED') return 'refused.key-reused';
  if (code === 'IDEMPOTENCY.IN_PROGRESS') return 'refused.in-progress';
  if (status === 403) return 'refused.forbidden';
  if (status === 404) return 'refused.not-found';
  if (status === 409) return 'refused.phase';
  if (status === 400 || status === 422) return 'refused.invalid';
  return 'refused.busy';
}
