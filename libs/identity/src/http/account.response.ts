import { ApiProperty } from '@nestjs/swagger';
import { AccountAnswer, ResetPasswordAnswer } from '../application/account-admin.service';

/** POST /auth/sign-out, /auth/sign-out-all. */
export class SignedOutDto {
  @ApiProperty({ enum: [true] }) signedOut!: true;
}

/** POST /admin/accounts/{userId}/reset-password: the one-time password, shown this once. */
export class ResetPasswordAnswerDto implements ResetPasswordAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: '一次性密码（只显示这一次，仅保存其哈希）' }) oneTimePassword!: string;
  @ApiProperty({ enum: [true], description: '首次登录须修改' }) mustChangePassword!: true;
}

/** An external (OIDC) identity linked to the account. */
export class AccountExternalIdentityDto {
  @ApiProperty({ description: '身份提供方（issuer URL）' }) issuer!: string;
  @ApiProperty({ description: '身份提供方中此人的 sub' }) subject!: string;
}

/** What an act on an account answers: the events written and the account as it is now. */
export class AccountAnswerDto implements AccountAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: [String], description: 'Event types written (empty: nothing changed)' }) events!: string[];
  @ApiProperty({ description: '因连续登录失败而锁定' }) locked!: boolean;
  @ApiProperty({ type: () => [AccountExternalIdentityDto] }) externalIdentities!: AccountExternalIdentityDto[];
}
