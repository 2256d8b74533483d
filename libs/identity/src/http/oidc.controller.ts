import { Controller, Get, HttpCode, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@bihuan/auth';
import { OidcSignInService } from '../oidc/oidc-sign-in.service';
import { SessionService, SessionTokens } from '../sessions/session.service';
import { SessionTokensDto } from './auth.dto';

export class OidcAvailabilityDto {
  @ApiProperty({ description: 'true: GET /auth/oidc/login leads to the identity provider' }) enabled!: boolean;
}

interface Redirecting {
  redirect(status: number, url: string): void;
}

/** Single sign-on (OpenID Connect): the redirect to the provider and the way back. */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcSignInService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '单点登录是否可用（配置了身份提供方时可用）：登录页据此显示“统一身份认证登录”' })
  @ApiOkResponse({ type: OidcAvailabilityDto })
  availability(): OidcAvailabilityDto {
    return { enabled: this.oidc.enabled };
  }

  @Get('login')
  @Public()
  @ApiOperation({ summary: '单点登录：重定向到身份提供方（state、nonce、PKCE）；未配置时 404 AUTH.OIDC_NOT_CONFIGURED' })
  async login(@Res() res: Redirecting): Promise<void> {
    res.redirect(302, await this.oidc.loginUrl(this.sessions.now()));
  }

  @Get('callback')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '身份提供方回调：把 sub 映射到目录用户并签发本系统会话' })
  @ApiOkResponse({ type: SessionTokensDto })
  callback(@Query() query: Record<string, unknown>): Promise<SessionTokens> {
    // Only single string parameters go on to the provider check (a repeated one is an array here).
    const strings = Object.fromEntries(
      Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '__proto__'),
    );
    return this.oidc.callback(strings, this.sessions.now());
  }
}
