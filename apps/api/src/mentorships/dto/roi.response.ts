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
}
