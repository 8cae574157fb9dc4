import { ApiProperty } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import {
  INTERACTION_ITEMS,
  type RoiEvidence,
  type AtRisk,
  type MentorshipSnapshot,
  type ProgramIndicators,
} from '../../../../libs/domain/src/index.js';

export class MonitoringResponse {
  @ApiProperty({
    description:
      'mentorships, byPhase, engagement (sessions logged ÷ sessions the cadence asked for), checkpointOutcomes, remindersSent, escalations, satisfaction (mean latest pulse, 1–5), competencyProgress (mean level gained per competency).',
  })
  indicators!: ProgramIndicators;
  @ApiProperty({ description: 'Mentorships at risk, most reasons first; each reason with its detail.' })
  atRisk!: AtRisk[];
  @ApiProperty({ description: 'The moment the indicators were computed for.' }) at!: string;
}

interface Row {
  id: string;
  mentee_id: string;
  mentor_id: string;
  supervisor_id: string;
  phase: MentorshipSnapshot['phase'];
  sessions: number;
  session_minutes: number;
  last_session_at: Date | null;
  roi: unknown;
  reminders_sent: number;
  escalations: number;
  goals: Array<{ competencyKey: string; targetLevel: number }>;
  created_at: Date;
  phase_since: Date | null;
  active_since: Date | null;
  pulse: Record<string, number> | null;
  baselines: Record<string, number> | null;
  levels: Record<string, number> | null;
  decisions: MentorshipSnapshot['checkpointDecisions'] | null;
}

/** One query: the read model plus the latest facts of each mentorship's event stream. */
export async function mentorshipSnapshots(
  db: DataSource,
  programId: string,
): Promise<Array<MentorshipSnapshot & { roi: RoiEvidence | null }>> {
  const last = (type: string, extra = '') =>
    `(SELECT e.payload FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = '${type}' ${extra} ORDER BY e.stream_version DESC LIMIT 1)`;
  const rows: Row[] = await db.query(
    `SELECT m.id, m.mentee_id, m.mentor_id, m.supervisor_id, m.phase, m.sessions, m.session_minutes, m.roi, m.last_session_at, m.reminders_sent, m.escalations, m.goals, m.created_at,
       (SELECT max(e.occurred_at) FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = 'MentorshipPhaseChanged') AS phase_since,
       (SELECT min(e.occurred_at) FROM domain_events e WHERE e.stream_id = m.workflow_id AND e.type = 'MentorshipPhaseChanged' AND e.payload ->> 'to' = 'ACTIVE') AS active_since,
       ${last('PulseSubmitted')} -> 'survey' -> 'scores' AS pulse,
       ${last('KickoffAgreed', "AND e.payload ->> 'by' = 'mentor'")} -> 'baselines' AS baselines,
       ${last('ReviewSubmitted', "AND e.payload ->> 'by' = 'mentor'")} -> 'levels' AS levels,
       (SELECT array_agg(c.decision ORDER BY c.checkpoint) FROM mentorship_checkpoints c WHERE c.mentorship_id = m.id AND c.decision IS NOT NULL) AS decisions
     FROM mentorships m WHERE m.program_id = $1 ORDER BY m.created_at, m.id`,
    [programId],
  );
  return rows.map((r) => ({
    mentorshipId: r.id,
    menteeId: r.mentee_id,
    mentorId: r.mentor_id,
    supervisorId: r.supervisor_id,
    phase: r.phase,
    phaseSince: (r.phase_since ?? r.created_at).toISOString(),
    activeSince: r.active_since?.toISOString() ?? null,
    sessions: r.sessions,
    sessionMinutes: r.session_minutes,
    lastSessionAt: r.last_session_at?.toISOString() ?? null,
    remindersSent: r.reminders_sent,
    escalations: r.escalations,
    checkpointDecisions: r.decisions ?? [],
    latestPulseMean: r.pulse
      ? INTERACTION_ITEMS.reduce((sum, k) => sum + Number(r.pulse![k] ?? 0), 0) / INTERACTION_ITEMS.length
      : null,
    roi: (r.roi as RoiEvidence | null) ?? null,
    goals: r.goals.map((g) => ({
      competencyKey: g.competencyKey,
      target: g.targetLevel,
      baseline: r.baselines?.[g.competencyKey] ?? null,
      latest: r.levels?.[g.competencyKey] ?? null,
    })),
  }));
}
