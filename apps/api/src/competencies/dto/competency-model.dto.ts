import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { StoredCompetencyModel } from '../../../../../libs/persistence/src/index.js';

export class CompetencyDto {
  @ApiProperty({ example: 'delegation', description: 'Stable key (lower case, digits, dashes).' })
  @Matches(/^[a-z][a-z0-9-]{1,60}$/, { message: 'key must be lower-case letters, digits and dashes' })
  key!: string;
  @ApiProperty({ example: 'Delegation' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: 'Leading the team' }) @IsString() @IsNotEmpty() @MaxLength(100) theme!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) description!: string;
  @ApiProperty({ type: [String], minItems: 5, maxItems: 5, description: 'Behavioural indicators of levels 1 to 5.' })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  levels!: [string, string, string, string, string];
}

export class NewCompetencyModelVersionDto {
  @ApiProperty({ example: 'Core managerial competencies' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ type: [CompetencyDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyDto)
  competencies!: CompetencyDto[];
  @ApiProperty({
    example: { M1: { delegation: 3 } },
    description: 'Target level (1-5) per job level and competency key.',
  })
  @IsObject()
  targets!: Record<string, Record<string, number>>;
}

export class CompetencyModelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [CompetencyDto] }) competencies!: CompetencyDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) targets!: Record<string, Record<string, number>>;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(e: StoredCompetencyModel): CompetencyModelResponse {
    return {
      id: e.id,
      key: e.key,
      version: e.version,
      name: e.name,
      competencies: e.definition.competencies,
      targets: e.definition.targets,
      createdBy: e.createdBy,
      createdAt: e.createdAt.toISOString(),
    };
  }
}
