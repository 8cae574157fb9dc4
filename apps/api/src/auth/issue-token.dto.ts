import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ROLES, type Role } from '../../../../libs/domain/src/index.js';

export class IssueTokenDto {
  @ApiProperty({
    example: 'emp-0007',
    description: 'Person id (employee id); the person is added to the directory if new.',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'personId must be 1-100 letters, digits or . _ @ -' })
  personId!: string;

  @ApiProperty({ example: 'Claire Martin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ example: 'claire.martin@example.com' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['sponsor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'laptop', description: 'What the token is for (shown in audits).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({
    example: 30,
    minimum: 1,
    description: 'Days until the token expires: at most, and by default, the deployment’s TOKEN_TTL_DAYS (90).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class IssuedTokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'The bearer secret, shown this once; only its hash is stored.' }) token!: string;
}

/** A token as its holder sees it: never its secret. */
export class TokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'Roles it carries (those the person no longer holds do not apply).',
  })
  roles!: Role[];
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['holder', 'hr-admin', 'person-left'],
    description: 'Who revoked it: its holder, an HR admin, or the person’s leaving.',
  })
  revokedReason!: string | null;
}

export class ListTokensQuery {
  @ApiPropertyOptional({ description: 'Another person’s tokens (HR admins only); default: the caller’s.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'personId must be 1-100 letters, digits or . _ @ -' })
  personId?: string;
}
