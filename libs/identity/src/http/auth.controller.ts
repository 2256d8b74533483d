import { Body, Controller, createParamDecorator, ExecutionContext, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedBeforePasswordChange, CurrentActor, Public } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { NeverStoreAnswers } from '@bihuan/platform';
import { SignInService } from '../application/sign-in.service';
import { SessionService, SessionTokens } from '../sessions/session.service';
import { ChangePasswordDto, RefreshDto, SessionTokensDto, SignInDto } from './auth.dto';
import { SignInRateLimitGuard } from './sign-in-rate-limit.guard';
import { SignedOutDto } from './account.response';

/** The caller's session id (AuthGuard sets it from the token's `sid`); null for a token without one. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<{ sessionId?: string }>().sessionId ?? null,
);

function sessionOf(sessionId: string | null): string {
  if (!sessionId)
    throw new DomainError(
      'AUTH.NO_SESSION',
      'This token belongs to no sign-in session (a CLI or external token); there is nothing to sign out',
      'validation',
      {
        field: 'authorization',
      },
    );
  return sessionId;
}

/** Sign-in by password, token refresh, sign-out and change of one's own password (docs/api/identity.md). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionService,
  ) {}

  @Post('sign-in')
  @Public()
  @NeverStoreAnswers()
  @UseGuards(SignInRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: '用户名密码登录：错误 401 AUTH.BAD_CREDENTIALS，锁定 423 AUTH.LOCKED' })
  @ApiOkResponse({ type: SessionTokensDto })
  signIn(@Body() body: SignInDto): Promise<SessionTokens> {
    return this.signIns.signIn(body.username, body.password);
  }

  @Post('refresh')
  @Public()
  @NeverStoreAnswers()
  @UseGuards(SignInRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换新的访问令牌和刷新令牌；旧刷新令牌再次使用即注销整个会话' })
  @ApiOkResponse({ type: SessionTokensDto })
  async refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return this.signIns.refresh(body.refreshToken);
  }

  @Post('sign-out')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: '注销当前会话：其访问令牌和刷新令牌下一次请求即失效' })
  @ApiOkResponse({ type: SignedOutDto })
  async signOut(@CurrentSession() sessionId: string | null): Promise<SignedOutDto> {
    await this.sessions.signOut(sessionOf(sessionId));
    return { signedOut: true };
  }

  @Post('sign-out-all')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: '注销本人的全部会话（所有设备）' })
  @ApiOkResponse({ type: SignedOutDto })
  async signOutAll(@CurrentActor() actor: Actor): Promise<SignedOutDto> {
    await this.signIns.signOutAll(actor);
    return { signedOut: true };
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  @UseGuards(SignInRateLimitGuard) // the current password is guessable here too
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: '修改本人密码：违反密码策略 400 AUTH.PASSWORD_POLICY（指明规则）；全部会话注销，返回新会话' })
  @ApiOkResponse({ type: SessionTokensDto })
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<SessionTokens> {
    return this.signIns.changePassword(actor, body.currentPassword, body.newPassword);
  }
}
