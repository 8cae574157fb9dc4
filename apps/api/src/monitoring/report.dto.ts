import { ApiProperty } from '@nestjs/swagger';
import type { ReportComparison } from '../../../../libs/domain/src/index.js';
import { ReportComparisonResponse } from '../proof/effect.response.js';
import { CycleScopeResponse } from '../programs/dto/cycle.response.js';
import { CompetencyProgressResponse } from './monitoring.dto.js';

export class ParticipationResponse {
  @ApiProperty() planned!: number;
  @ApiProperty({ description: 'Mentorships started (their workflow runs or ran).' }) started!: number;
  @ApiProperty() closed!: number;
  @ApiProperty({ description: 'Ended early.' }) terminated!: number;
  @ApiProperty() enrolledMentees!: number;
  @ApiProperty() matchedMentees!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of enrolled mentees matched (0–1).' })
  coverage!: number | null;
}

export class RoiSummaryResponse {
  @ApiProperty({ description: 'Closed mentorships with ROI evidence.' }) mentorships!: number;
  @ApiProperty() cost!: number;
  @ApiProperty() benefit!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(benefit − cost) ÷ cost; null when nothing is monetised.',
  })
  ratio!: number | null;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({ type: [String], description: 'Every assumption behind the figures, once each.' })
  assumptions!: string[];
}

export class ReportFactResponse {
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty({ description: 'Display names of the mentee and the mentor.' }) mentee!: string;
  @ApiProperty() mentor!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() source!: string;
  @ApiProperty() before!: number;
  @ApiProperty() after!: number;
  @ApiProperty() improvement!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Monetised value (× the attributed share).' })
  value!: number | null;
}

export class KpiMeasuredResponse {
  @ApiProperty() mentorships!: number;
  @ApiProperty() meanBefore!: number;
  @ApiProperty() meanAfter!: number;
  @ApiProperty() reachedTarget!: boolean;
}

export class KpiEvidenceResponse {
  @ApiProperty() objective!: string;
  @ApiProperty() kpi!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ type: KpiMeasuredResponse, nullable: true }) measured!: KpiMeasuredResponse | null;
}

export class GoalsReachedResponse {
  @ApiProperty() goals!: number;
  @ApiProperty() reached!: number;
}

export class EffectivenessReportResponse extends CycleScopeResponse {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'A finished cycle’s report reads as it stood at this moment, when the cycle ended; null for the running cycle.',
  })
  frozenAt!: string | null;
  @ApiProperty({ description: 'Mentorships of the cycle that had not closed or ended (at frozenAt, or now).' })
  stillRunning!: number;
  @ApiProperty({ type: ParticipationResponse }) participation!: ParticipationResponse;
  @ApiProperty({ type: RoiSummaryResponse }) roi!: RoiSummaryResponse;
  @ApiProperty({ type: [ReportFactResponse] }) facts!: ReportFactResponse[];
  @ApiProperty({ type: [CompetencyProgressResponse] }) competencyProgress!: CompetencyProgressResponse[];
  @ApiProperty({ type: GoalsReachedResponse }) goalsReached!: GoalsReachedResponse;
  @ApiProperty({ type: [KpiEvidenceResponse] }) kpis!: KpiEvidenceResponse[];
  @ApiProperty({
    type: [ReportComparisonResponse],
    description:
      'Per monetised measure also imported for everyone: the effect against comparable managers and both ROI figures, each labelled (privacy: aggregates of at least 5 people for the sponsor and steering group).',
  })
  comparison!: ReportComparison[];
}
