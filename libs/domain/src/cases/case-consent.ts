/**
 * A person's answer about whether their writing (shared session notes, checkpoint guidance, review
 * comments) may feed de-identified training cases. Asked at kickoff; absent means not given.
 */
export type CaseConsent = 'granted' | 'refused';

export const CASE_CONSENTS: readonly CaseConsent[] = ['granted', 'refused'];
