import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { SurveyAnswers, SurveyItem, SurveyMoment } from '../../../../libs/domain/src/index.js';

export class SurveyTemplateDto {
  @ApiProperty({ example: { en: 'Kickoff expectations', fr: 'Attentes au démarrage' } }) @IsObject() title!: {
    en: string;
    fr: string;
  };
  @ApiProperty({ enum: ['mentor', 'mentee', 'both'] }) @IsIn(['mentor', 'mentee', 'both']) audience!:
    'mentor' | 'mentee' | 'both';
  @ApiProperty({ example: ['kickoff'], description: 'kickoff, midpoint, close, pulse' })
  @IsArray()
  @IsIn(['kickoff', 'midpoint', 'close', 'pulse'], { each: true })
  moments!: SurveyMoment[];
  @ApiProperty({
    description: 'Questions: { key, kind: likert | numeric | nps | text, text: { en, fr }, min?, max?, required }',
    type: [Object],
  })
  @IsArray()
  @ArrayMaxSize(100)
  items!: SurveyItem[];
}

export class SurveyResponseDto {
  @ApiProperty({ example: 'interaction-quality' }) @Matches(/^[a-z][a-z0-9-]{1,60}$/) templateKey!: string;
  @ApiProperty({ required: false, description: 'Defaults to the latest version.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  templateVersion?: number;
  @ApiProperty({
    example: 'mentorship:3f0c…/close',
    description:
      'What the answers are about (a mentorship and moment, a pulse week…); one response per person and occurrence.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  occurrence!: string;
  @ApiProperty({
    example: {
      challenge: 4,
      guidedExperience: 5,
      trust: 5,
      practiceChange: 3,
      nps: 9,
      comment: 'Concrete cases every time.',
    },
  })
  @IsObject()
  answers!: SurveyAnswers;
}

export class BilingualTextResponse {
  @ApiProperty() en!: string;
  @ApiProperty() fr!: string;
}

export class SurveyItemResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['likert', 'numeric', 'nps', 'text'] }) kind!: string;
  @ApiProperty({ type: BilingualTextResponse }) text!: BilingualTextResponse;
  @ApiProperty({ required: false, description: 'numeric: the lowest accepted.' }) min?: number;
  @ApiProperty({ required: false, description: 'numeric: the highest accepted.' }) max?: number;
  @ApiProperty() required!: boolean;
}

export class SurveyTemplateResponse {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: BilingualTextResponse }) title!: BilingualTextResponse;
  @ApiProperty({ enum: ['mentor', 'mentee', 'both'] }) audience!: string;
  @ApiProperty({ type: [String], enum: ['kickoff', 'midpoint', 'close', 'pulse'] }) moments!: string[];
  @ApiProperty({ type: [SurveyItemResponse] }) items!: SurveyItemResponse[];
}

export class SurveyResponseStoredResponse {
  @ApiProperty({ description: 'The response’s sequence number, as a string of digits.', pattern: '^[0-9]+$' })
  id!: string;
  @ApiProperty() templateKey!: string;
  @ApiProperty() templateVersion!: number;
  @ApiProperty() occurrence!: string;
}
