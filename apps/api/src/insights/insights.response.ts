import { ApiProperty } from '@nestjs/swagger';

export class GroupGapRowResponse {
  @ApiProperty() group!: string;
  @ApiProperty() competencyKey!: string;
  @ApiProperty() people!: number;
  @ApiProperty({ description: 'People assessed on this competency.' }) assessed!: number;
  @ApiProperty({ type: Number, nullable: true }) averageTarget!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageCurrent!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'target − current, positive when short.' })
  averageGap!: number | null;
  @ApiProperty({ description: 'People below their target.' }) short!: number;
}

export class GroupGapsResponse {
  @ApiProperty({ example: 'managerial-core v1' }) model!: string;
  @ApiProperty({ enum: ['managers', 'mentors'] }) population!: string;
  @ApiProperty() groupBy!: string;
  @ApiProperty({ type: [GroupGapRowResponse] }) rows!: GroupGapRowResponse[];
}

export class CoverageMentorResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() level!: number;
}

export class CoverageEntryResponse {
  @ApiProperty() competencyKey!: string;
  @ApiProperty() managersShort!: number;
  @ApiProperty({ type: [CoverageMentorResponse], description: 'Mentors strong enough to help, strongest first.' })
  mentors!: CoverageMentorResponse[];
}

export class CoverageResponse {
  @ApiProperty() model!: string;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: [CoverageEntryResponse] }) competencies!: CoverageEntryResponse[];
}

export class AccessRowResponse {
  @ApiProperty() group!: string;
  @ApiProperty() population!: number;
  @ApiProperty() nominated!: number;
  @ApiProperty() participating!: number;
  @ApiProperty({ description: '(nominated ∪ participating) ÷ population.' }) accessRate!: number;
  @ApiProperty({ type: Number, nullable: true }) representation!: number | null;
  @ApiProperty() noAccess!: boolean;
}

export class AccessResponse {
  @ApiProperty() by!: string;
  @ApiProperty() population!: number;
  @ApiProperty() withAccess!: number;
  @ApiProperty({ type: [String] }) groupsWithoutAccess!: string[];
  @ApiProperty({ type: [AccessRowResponse] }) rows!: AccessRowResponse[];
}

export class NominationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['suggested', 'enrolled', 'declined'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) sourceEventId!: string | null;
  @ApiProperty({ type: String, nullable: true }) programId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CompetencyGapResponse {
  @ApiProperty() competencyKey!: string;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ type: Number, nullable: true }) current!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'target − current; positive when short.' })
  gap!: number | null;
}

export class PersonGapsResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() model!: string;
  @ApiProperty({ type: [CompetencyGapResponse] }) gaps!: CompetencyGapResponse[];
}
