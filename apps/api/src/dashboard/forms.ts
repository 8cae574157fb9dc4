import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SignInForm {
  @IsString() @MaxLength(200) token!: string;
}

/** Every action form carries the key its page was rendered with (see ActionForm); old pages may not. */
export class ActionFormBody {
  @IsOptional() @Matches(/^[A-Za-z0-9_.:-]{1,200}$/) idempotencyKey?: string;
}

export class DecisionForm extends ActionFormBody {
  @IsIn(['approve', 'request-changes', 'escalate']) decision!: 'approve' | 'request-changes' | 'escalate';
  @IsOptional() @IsString() @MaxLength(5000) guidance?: string;
}

export class ReviewForm extends ActionFormBody {
  @IsString() @MaxLength(5000) notes!: string;
}

export class SessionForm extends ActionFormBody {
  @Type(() => Number) @IsInt() @Min(5) @Max(480) minutes!: number;
  @IsString() @MaxLength(1000) topics!: string;
}
