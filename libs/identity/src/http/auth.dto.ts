import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /auth/sign-in. The password is never logged nor stored (only its scrypt hash). */
export class SignInDto {
  @ApiProperty({ description: '登录名（目录中的用户 id）', example: 'admin', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ description: '密码', maxLength: 128, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: '登录或上次刷新时得到的刷新令牌（每个只能用一次）', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码（一次性密码亦可）', maxLength: 128, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ description: '新密码，须符合密码策略（GET /admin/policies/identity）', maxLength: 128, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  newPassword!: string;
}

export class SessionTokensDto {
  @ApiProperty({ description: '访问令牌（JWT，带会话 id sid）' }) accessToken!: string;
  @ApiProperty({ description: '刷新令牌（不透明，每次刷新轮换）' }) refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: '访问令牌有效秒数', example: 900 }) expiresIn!: number;
  @ApiProperty({ description: '须先修改密码（一次性密码或密码已过期）' }) mustChangePassword!: boolean;
}

/** PUT/DELETE /admin/accounts/:userId/external-identity. */
export class ExternalIdentityDto {
  @ApiProperty({ description: '身份提供方中此人的 sub', maxLength: 255, example: '3f9a…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  subject!: string;

  @ApiPropertyOptional({ description: '身份提供方（issuer URL）；缺省为 OIDC_ISSUER', maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  issuer?: string;
}
