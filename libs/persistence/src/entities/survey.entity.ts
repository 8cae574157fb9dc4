import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyAnswers, SurveyTemplate } from '../../../domain/src/index.js';

/** One version of a survey template; versions are never rewritten, so old answers keep their meaning. */
@Entity({ name: 'survey_templates' })
export class SurveyTemplateEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  definition!: SurveyTemplate;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** One person's answers for one occasion (unique per occurrence and respondent). */
@Entity({ name: 'survey_responses' })
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'template_key', type: 'text' })
  templateKey!: string;

  @Column({ name: 'template_version', type: 'integer' })
  templateVersion!: number;

  @Column({ type: 'text' })
  occurrence!: string;

  @Column({ name: 'respondent_id', type: 'text' })
  respondentId!: string;

  @Column({ type: 'jsonb' })
  answers!: SurveyAnswers;

  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' })
  answeredAt!: Date;
}
