/** Actor id of decisions the process itself takes (timeouts, reminders, starts): programs and mentorships alike. */
export const SYSTEM_ACTOR = 'system';
