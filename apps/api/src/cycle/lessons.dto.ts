import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EMPLOYEE_ID } from '../http/validation.js';

export class LessonsDto {
  @ApiProperty({ type: [String], example: ['Supervisors who met mentors monthly'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  whatWorked!: string[];
  @ApiProperty({ type: [String], example: ['Train mentors before matching, not after'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  whatToChange!: string[];
}

export class RenewalDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Participants of this cycle who continue into the next one, with the same role.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(EMPLOYEE_ID, { each: true, message: 'each continuing participant must be an employee id' })
  continuing?: string[];
}

export class CycleLessonsResponse {
  @ApiProperty() cycle!: number;
  @ApiProperty({ type: [String] }) whatWorked!: string[];
  @ApiProperty({ type: [String] }) whatToChange!: string[];
  @ApiProperty() recordedBy!: string;
  @ApiProperty() at!: string;
}

export class LessonsResponse {
  @ApiProperty({ description: 'The cycle asked for (default: the running one; 1 for the first).' }) cycle!: number;
  @ApiProperty({ type: [Number], description: 'Every cycle of the program, oldest first.' }) cycles!: number[];
  @ApiProperty({
    type: [CycleLessonsResponse],
    description:
      'Without `?cycle=`: the lessons of every cycle so far, oldest first (what planning the next cycle draws on); with it: that cycle’s.',
  })
  lessons!: CycleLessonsResponse[];
}
