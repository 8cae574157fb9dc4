import { Inject, Injectable } from '@nestjs/common';
import {
  MENTORSHIP_PHASES,
  mentorshipTermsOf,
  nextSessionDue,
  openCheckpoint,
  type Actor,
  type MentorshipState,
} from '../../../../libs/domain/src/index.js';
import type { MentorshipTerms } from '../../../../libs/contracts/src/index.js';
import { MentorshipQueries, PeopleQueries, ProgramQueries } from '../../../../libs/persistence/src/index.js';
import { ProgramsService } from '../programs/programs.service.js';
import { MENTORSHIP_TERMS } from '../tokens.js';
import type { Ui } from '../views/i18n.js';
import { HOME_SORTS, type HomeMentorship, type HomeView } from './views/home.page.js';

type Row = Awaited<ReturnType<MentorshipQueries['withStateOf']>>[number];

/**
 * A person's home page, gathered through the same services (and access checks) as the JSON API,
 * plus the read models a page needs beside them (names, lists). No rule is decided here.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly programQueries: ProgramQueries,
    private readonly mentorshipQueries: MentorshipQueries,
    private readonly people: PeopleQueries,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  /** The person's mentorships in any role, with names, filtered and sorted as asked. */
  async mentorships(
    actor: Actor,
    filter: { q?: string; phase?: string; sort?: string },
  ): Promise<{ rows: Row[]; list: HomeMentorship[] }> {
    const me = actor.personId;
    const rows = await this.mentorshipQueries.withStateOf(me);
    const names = await this.people.namesOf(rows.flatMap((r) => [r.menteeId, r.mentorId]));
    const programs = await this.programQueries.namesOf(rows.map((r) => r.programId));
    const name = (id: string) => names.get(id) ?? id;
    const q = (filter.q ?? '').trim().toLocaleLowerCase();
    const list = rows
      .map((r): HomeMentorship => {
        const { policy } = mentorshipTermsOf({ policy: r.programPolicy ?? undefined }, this.terms);
        const live = (r.phase === 'ACTIVE' || r.phase === 'MIDTERM_REVIEW') && r.state;
        const due = live ? nextSessionDue(r.state!, policy) : null;
        return {
          id: r.id,
          program: programs.get(r.programId) ?? '',
          mentee: name(r.menteeId),
          mentor: name(r.mentorId),
          role:
            r.menteeId === me
              ? 'mentee'
              : r.mentorId === me
                ? 'mentor'
                : r.supervisorId === me
                  ? 'supervisor'
                  : 'owner',
          phase: r.phase,
          sessions: r.state?.sessions ?? 0,
          nextSessionDue: due === null ? null : new Date(due).toISOString(),
        };
      })
      .filter((m) => !filter.phase || m.phase === filter.phase)
      .filter((m) => !q || [m.mentee, m.mentor, m.program].some((s) => s.toLocaleLowerCase().includes(q)));
    const by: Record<string, (a: HomeMentorship, b: HomeMentorship) => number> = {
      due: (a, b) => (a.nextSessionDue ?? '~').localeCompare(b.nextSessionDue ?? '~'),
      mentee: (a, b) => a.mentee.localeCompare(b.mentee),
      program: (a, b) => a.program.localeCompare(b.program) || a.mentee.localeCompare(b.mentee),
      phase: (a, b) => MENTORSHIP_PHASES.indexOf(a.phase as never) - MENTORSHIP_PHASES.indexOf(b.phase as never),
    };
    list.sort(by[filter.sort ?? 'due'] ?? by.due);
    return { rows, list };
  }

  async home(actor: Actor, ui: Ui, filter: { q?: string; phase?: string; sort?: string }): Promise<HomeView> {
    const me = actor.personId;
    const { t } = ui;
    const programs = (await this.programs.list({ limit: 100, offset: 0 }, actor)).items;
    const { rows, list } = await this.mentorships(actor, filter);
    const titles = new Map(list.map((m) => [m.id, `${m.mentee} ← ${m.mentor}`]));
    const toDo: HomeView['toDo'] = [
      ...programs
        .filter((p) => p.sponsorId === me && p.phase === 'LAUNCH_PLANNING')
        .map((p) => ({ href: `/dashboard/programs/${p.id}`, title: p.name, what: t.approveLaunch })),
      ...rows.flatMap((r) => {
        const what = r.state ? waitingFor(r, r.state, me, ui) : null;
        return what ? [{ href: `/dashboard/mentorships/${r.id}`, title: titles.get(r.id) ?? r.id, what }] : [];
      }),
    ];
    return {
      now: Date.now(),
      toDo,
      programs: programs.map((p) => ({
        id: p.id,
        name: p.name,
        phase: p.phase,
        role: p.ownerId === me ? 'owner' : p.sponsorId === me ? 'sponsor' : 'steering',
      })),
      mentorships: list,
      filter: {
        q: filter.q ?? '',
        phase: filter.phase ?? '',
        sort: (HOME_SORTS as readonly string[]).includes(filter.sort ?? '') ? filter.sort! : 'due',
      },
      phases: [...MENTORSHIP_PHASES],
      links: {
        newProgram: actor.roles.includes('owner'),
        pilots: actor.roles.includes('owner') || actor.roles.includes('hr-admin'),
        importPeople: actor.roles.includes('hr-admin'),
      },
    };
  }
}

/** What a mentorship waits for from this person, if anything. */
function waitingFor(r: Row, s: MentorshipState, me: string, ui: Ui): string | null {
  const { t } = ui;
  if (r.supervisorId === me) {
    if (s.phase === 'AWAITING_SUPERVISOR_APPROVAL') return t.approvePair;
    const open = openCheckpoint(s);
    if (open) return `${t.decide}: ${t.checkpoint} ${open.checkpoint}`;
  }
  const side = r.mentorId === me ? 'mentor' : r.menteeId === me ? 'mentee' : null;
  if (!side) return null;
  if (s.phase === 'KICKOFF' && !s.agreedBy.includes(side)) return t.kickoff;
  const stage = s.phase === 'MIDTERM_REVIEW' ? 'midterm' : s.phase === 'FINAL_EVALUATION' ? 'final' : null;
  if (stage && !s.reviews[stage][side]) return ui.term(stage);
  return null;
}
