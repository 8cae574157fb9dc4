import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class KpiDto {
  @ApiProperty({ example: 'Team turnover', description: 'What is measured.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '%', description: 'Unit of the baseline and the target.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit!: string;

  @ApiProperty({ example: 18, description: 'Value before the program.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline!: number;

  @ApiProperty({ example: 12, description: 'Value the program aims for; must differ from the baseline.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target!: number;
}

export class StrategicObjectiveDto {
  @ApiProperty({ example: 'Keep our first-line managers', description: 'A strategic objective of the company the program serves.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: [KpiDto], description: 'Indicators with baselines and targets (at least one).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => KpiDto)
  kpis!: KpiDto[];
}

export class CreateProgramDto {
  @ApiProperty({ example: 'Managerial mentoring 2027', description: 'Name of the program.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'emp-0042', description: "Owner's person id; defaults to the caller." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ownerId?: string;

  @ApiProperty({ example: 'emp-0007', description: 'Person id of the executive sponsor who approves the launch.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sponsorId!: string;

  @ApiProperty({ type: [StrategicObjectiveDto], description: 'Objectives aligned with company strategy (at least one).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => StrategicObjectiveDto)
  objectives!: StrategicObjectiveDto[];
}
