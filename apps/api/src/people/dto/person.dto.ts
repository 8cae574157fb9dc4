import { ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PERSON_STATUSES, type Person } from '../../../../../libs/domain/src/index.js';

export class CreatePersonDto {
  @ApiProperty({ example: 'E1042', description: 'Employee id from the HR system.' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'id must be 1-100 letters, digits or . _ @ -' })
  id!: string;

  @ApiProperty({ example: 'Hélène Dupré' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'helene.dupre@example.com' }) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ example: 'Operations' }) @IsString() @IsNotEmpty() @MaxLength(100) department!: string;

  @ApiPropertyOptional({
    example: 'E0007',
    nullable: true,
    type: String,
    description: 'Employee id of their manager; null at the top.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'managerId must be an employee id' })
  managerId?: string | null;

  @ApiProperty({ example: 'M1', description: 'Job level used by competency targets.' })
  @IsString()
  @Matches(/^[A-Za-z0-9 _.-]{1,40}$/)
  jobLevel!: string;
  @ApiPropertyOptional({ example: 4, default: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(60) managementYears?: number;
  @ApiPropertyOptional({ example: 7, default: 0 }) @IsOptional() @IsInt() @Min(0) teamSize?: number;

  @ApiPropertyOptional({ example: ['fr', 'en'], default: ['en'], description: 'ISO 639-1 codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each language must be an ISO 639-1 code (two lower-case letters)' })
  languages?: string[];

  @ApiPropertyOptional({ example: 'Lyon', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;
  @ApiPropertyOptional({ example: 'Europe/Paris', default: 'UTC' }) @IsOptional() @IsString() timeZone?: string;
  @ApiProperty({ example: '2019-03-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'hireDate must be YYYY-MM-DD' })
  hireDate!: string;
  @ApiPropertyOptional({ example: false, default: false, description: 'In the pool of possible mentors.' })
  @IsOptional()
  @IsBoolean()
  mentorPool?: boolean;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) {
  @ApiPropertyOptional({ enum: PERSON_STATUSES }) @IsOptional() @IsIn(PERSON_STATUSES) status?: 'active' | 'left';
}

/** What everyone may see of a colleague. */
export class PublicPersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() department!: string;
  @ApiProperty() jobLevel!: string;
  @ApiProperty({ enum: PERSON_STATUSES }) status!: string;
  @ApiProperty({ description: 'false: personal details are hidden from this caller.' }) details!: boolean;

  static from(p: Person): PublicPersonResponse {
    return { id: p.id, name: p.name, department: p.department, jobLevel: p.jobLevel, status: p.status, details: false };
  }
}

/** The full record, for the person, HR admins, owners and (during a mentorship) their mentor and supervisor. */
export class PersonResponse extends PublicPersonResponse {
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) managerId!: string | null;
  @ApiProperty() managementYears!: number;
  @ApiProperty() teamSize!: number;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ description: 'YYYY-MM-DD, empty when unknown' }) hireDate!: string;
  @ApiProperty() mentorPool!: boolean;

  static full(p: Person): PersonResponse {
    return { ...PublicPersonResponse.from(p), ...p, details: true };
  }
}

export class PersonPageResponse {
  @ApiProperty({
    type: 'array',
    items: { anyOf: [{ $ref: getSchemaPath(PersonResponse) }, { $ref: getSchemaPath(PublicPersonResponse) }] },
    description: 'The full record where the privacy rule allows, else the public card.',
  })
  items!: Array<PersonResponse | PublicPersonResponse>;
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class ReportingChainResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ type: [String], description: 'Managers from the direct one to the top.' }) ancestors!: string[];
  @ApiProperty({ type: [String], description: 'Everyone below, at any depth.' }) descendants!: string[];
}
