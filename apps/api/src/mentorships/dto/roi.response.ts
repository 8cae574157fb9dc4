import { ApiProperty } from '@nestjs/swagger';

export class GoalEvidenceResponse {
  @ApiProperty() competencyKey!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty() final!: number;
  @ApiProperty() gained!: number;
  @ApiProperty() reached!: boolean;
}

export class FactEvidenceResponse {
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() source!: string;
  @ApiProperty() before!: number;
  @ApiProperty() after!: number;
  @ApiProperty() lowerIsBetter!: boolean;
  @ApiProperty({ type: Number, nullable: true }) valuePerUnit!: number | null;
  @ApiProperty() delta!: number;
  @ApiProperty({ description: 'The change in the good direction.' }) improvement!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Monetised value × the attributed share.' })
  value!: number | null;
}

export class RoiRatesResponse {
  @ApiProperty() mentor!: number;
  @ApiProperty() mentee!: number;
  @ApiProperty() supervisor!: number;
}

export class RoiValueResponse {
  @ApiProperty() fact!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() valuePerUnit!: number;
  @ApiProperty() source!: string;
}

export class RoiBasisResponse {
  @ApiProperty() currency!: string;
  @ApiProperty({ type: RoiRatesResponse }) rates!: RoiRatesResponse;
  @ApiProperty({ description: 'Share of each improvement attributed to the mentorship (0–1).' }) attribution!: number;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'number' } })
  counting!: Record<string, number> | null;
  @ApiProperty({ type: [RoiValueResponse] }) values!: RoiValueResponse[];
  @ApiProperty({ type: [String] }) notMonetised!: string[];
}

export class RoiEvidenceResponse {
  @ApiProperty({ type: [GoalEvidenceResponse] }) competencies!: GoalEvidenceResponse[];
  @ApiProperty({ type: [FactEvidenceResponse] }) facts!: FactEvidenceResponse[];
  @ApiProperty() cost!: number;
  @ApiProperty() benefit!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(benefit − cost) ÷ cost; null when nothing is monetised.',
  })
  roi!: number | null;
  @ApiProperty({ type: [String] }) assumptions!: string[];
  @ApiProperty({
    type: RoiBasisResponse,
    required: false,
    description: 'What the figures rest on (absent in older evidence).',
  })
  basis?: RoiBasisResponse;
}
