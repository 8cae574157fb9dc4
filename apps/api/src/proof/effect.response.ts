import { ApiExtraModels, ApiProperty, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { EFFECT_COVARIATES } from '../../../../libs/domain/src/index.js';

// What GET /programs/{id}/effect and the report's `comparison` answer (libs/domain/src/proof).

const interval = (description: string): ApiPropertyOptions => ({
  type: [Number],
  minItems: 2,
  maxItems: 2,
  nullable: true,
  description,
});

export class MonthWindowResponse {
  @ApiProperty({ example: '2025-01', description: 'First month (YYYY-MM).' }) from!: string;
  @ApiProperty({ example: '2025-12', description: 'Last month (YYYY-MM).' }) to!: string;
}

export class EstimateResponse {
  @ApiProperty() estimate!: number;
  @ApiProperty(interval('95 % bootstrap percentile interval; null below two matched sets.'))
  interval!: [number, number] | null;
}

export class ComparisonOptionsResponse {
  @ApiProperty() controlsPerMentee!: number;
  @ApiProperty({ description: 'Largest distance to a comparison manager, in standard deviations.' }) caliper!: number;
  @ApiProperty() sameDepartment!: boolean;
}

export class EffectSampleResponse {
  @ApiProperty({ description: 'Mentees who started a mentorship this cycle.' }) mentees!: number;
  @ApiProperty({ description: 'Mentees with at least two months of the measure before the cycle.' })
  menteesWithBaseline!: number;
  @ApiProperty() matchedMentees!: number;
  @ApiProperty() unmatchedMentees!: number;
  @ApiProperty() comparisonManagers!: number;
  @ApiProperty({ description: 'Managers never in the program who could be compared.' }) pool!: number;
  @ApiProperty({ description: 'Matched sets with figures after the cycle on both sides.' }) measuredSets!: number;
}

export class BalanceRowResponse {
  @ApiProperty() covariate!: string;
  @ApiProperty() menteeMean!: number;
  @ApiProperty({ description: 'Mean of the whole pool, before matching.' }) poolMean!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the matched comparison managers.' })
  matchedMean!: number | null;
  @ApiProperty({ description: 'Standardised mean difference before matching.' }) smdBefore!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Standardised mean difference after matching.' })
  smdAfter!: number | null;
}

export class ShareComparisonResponse {
  @ApiProperty({ description: 'Share of the mentees (0–1).' }) mentees!: number;
  @ApiProperty({ description: 'Share of their comparison managers (0–1).' }) comparison!: number;
  @ApiProperty({ type: EstimateResponse }) difference!: EstimateResponse;
}

export class IndividualComparisonResponse {
  @ApiProperty() menteeId!: string;
  @ApiProperty({ type: [String] }) controlIds!: string[];
  @ApiProperty() distance!: number;
  @ApiProperty({ type: Number, nullable: true }) menteeChange!: number | null;
  @ApiProperty({ type: Number, nullable: true }) comparisonChange!: number | null;
  @ApiProperty({ type: Number, nullable: true }) effect!: number | null;
}

export class EffectEstimateResponse {
  @ApiProperty({
    enum: ['individual', 'aggregate'],
    description: 'individual: HR admins and the program’s owner (with `individual`); aggregate: anyone else.',
  })
  visibility!: 'individual' | 'aggregate';
  @ApiProperty({ example: 'team turnover %' }) measure!: string;
  @ApiProperty() lowerIsBetter!: boolean;
  @ApiProperty({ type: MonthWindowResponse }) before!: MonthWindowResponse;
  @ApiProperty({ type: MonthWindowResponse }) after!: MonthWindowResponse;
  @ApiProperty({ enum: EFFECT_COVARIATES, isArray: true }) covariates!: string[];
  @ApiProperty({ type: [String], description: 'Matched exactly on (the job level; the department if asked).' })
  exactOn!: string[];
  @ApiProperty({ type: ComparisonOptionsResponse }) options!: ComparisonOptionsResponse;
  @ApiProperty({ example: 0.95 }) confidence!: number;
  @ApiProperty({ type: EffectSampleResponse }) sample!: EffectSampleResponse;
  @ApiProperty({ type: [BalanceRowResponse] }) balance!: BalanceRowResponse[];
  @ApiProperty({
    type: EstimateResponse,
    nullable: true,
    description: 'Difference in differences in the measure’s unit: the mentees’ change minus their comparison’s.',
  })
  effect!: EstimateResponse | null;
  @ApiProperty({
    type: EstimateResponse,
    nullable: true,
    description: 'The effect in the measure’s better direction (positive: the program helped).',
  })
  improvement!: EstimateResponse | null;
  @ApiProperty({ type: EstimateResponse, nullable: true, description: 'The mentees’ own change, before/after.' })
  naive!: EstimateResponse | null;
  @ApiProperty({ type: Number, nullable: true }) comparisonChange!: number | null;
  @ApiProperty({ type: ShareComparisonResponse, nullable: true }) retention!: ShareComparisonResponse | null;
  @ApiProperty({ type: ShareComparisonResponse, nullable: true }) promotion!: ShareComparisonResponse | null;
  @ApiProperty({ enum: ['improved', 'worsened', 'inconclusive', 'not-enough-data'] }) verdict!: string;
  @ApiProperty({ type: [String], description: 'The result in plain words.' }) summary!: string[];
  @ApiProperty({ type: [String], description: 'What the method cannot rule out.' }) limits!: string[];
  @ApiProperty({ type: [IndividualComparisonResponse], description: 'Empty unless visibility is individual.' })
  individual!: IndividualComparisonResponse[];
}

export class EffectWithheldResponse {
  @ApiProperty({ enum: ['withheld'] }) visibility!: 'withheld';
  @ApiProperty() measure!: string;
  @ApiProperty({ description: 'Why nothing is shown (too few people on one side for this viewer).' })
  reason!: string;
  @ApiProperty({ example: 5 }) minimumPeople!: number;
}

/** The estimate as the viewer may see it. */
export const EFFECT_VIEW_SCHEMA = {
  anyOf: [{ $ref: getSchemaPath(EffectEstimateResponse) }, { $ref: getSchemaPath(EffectWithheldResponse) }],
};

export class BeforeAfterRoiResponse {
  @ApiProperty() label!: string;
  @ApiProperty() benefit!: number;
  @ApiProperty() cost!: number;
  @ApiProperty({ type: Number, nullable: true, description: '(benefit − cost) ÷ cost; null without a cost.' })
  roi!: number | null;
  @ApiProperty({ description: 'Closed mentorships that monetised the measure.' }) mentorships!: number;
}

export class EffectRoiResponse {
  @ApiProperty() label!: string;
  @ApiProperty() measure!: string;
  @ApiProperty({ description: 'Mentees the estimate speaks for.' }) mentees!: number;
  @ApiProperty() valuePerUnit!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Effect per mentee in the better direction × value per unit × mentees.' })
  benefit!: number;
  @ApiProperty(interval('The benefit at the effect interval’s bounds.')) benefitInterval!: [number, number] | null;
  @ApiProperty() cost!: number;
  @ApiProperty({ type: Number, nullable: true }) roi!: number | null;
  @ApiProperty(interval('The ROI at the effect interval’s bounds.')) roiInterval!: [number, number] | null;
  @ApiProperty({ type: [String] }) assumptions!: string[];
}

@ApiExtraModels(EffectEstimateResponse, EffectWithheldResponse)
export class ReportComparisonResponse {
  @ApiProperty() measure!: string;
  @ApiProperty(EFFECT_VIEW_SCHEMA) effect!: EffectEstimateResponse | EffectWithheldResponse;
  @ApiProperty({ type: BeforeAfterRoiResponse, nullable: true }) beforeAfter!: BeforeAfterRoiResponse | null;
  @ApiProperty({
    type: EffectRoiResponse,
    nullable: true,
    description: 'Null when withheld for this viewer or when there is no estimate.',
  })
  fromEstimate!: EffectRoiResponse | null;
}
