import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { NeverStoreAnswers } from '@bihuan/platform';
import { AccountAdminService, AccountAnswer, ResetPasswordAnswer } from '../application/account-admin.service';
import { OIDC_SETTINGS, OidcSettings } from '../oidc/oidc-settings';
import { ExternalIdentityDto } from './auth.dto';
import { AccountAnswerDto, ResetPasswordAnswerDto } from './account.response';

/** An administrator's acts on the accounts of users in their jurisdiction (docs/api/identity.md). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(
    private readonly accounts: AccountAdminService,
    @Inject(OIDC_SETTINGS) private readonly oidc: OidcSettings | null,
  ) {}

  @Post(':userId/reset-password')
  @NeverStoreAnswers()
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码：返回一次性密码（只显示这一次），首次登录须修改；该用户全部会话注销' })
  @ApiOkResponse({ type: ResetPasswordAnswerDto })
  resetPassword(@CurrentActor() actor: Actor, @Param('userId') userId: string): Promise<ResetPasswordAnswer> {
    return this.accounts.resetPassword(actor, userId);
  }

  @Post(':userId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: '解除因连续登录失败造成的锁定' })
  @ApiOkResponse({ type: AccountAnswerDto })
  unlock(@CurrentActor() actor: Actor, @Param('userId') userId: string): Promise<AccountAnswer> {
    return this.accounts.unlock(actor, userId);
  }

  @Put(':userId/external-identity')
  @ApiOperation({ summary: '把身份提供方（OIDC）中的 sub 关联到该用户，单点登录即以该用户身份登录' })
  @ApiOkResponse({ type: AccountAnswerDto })
  link(@CurrentActor() actor: Actor, @Param('userId') userId: string, @Body() body: ExternalIdentityDto): Promise<AccountAnswer> {
    return this.accounts.link(actor, userId, this.issuerOf(body), body.subject);
  }

  @Delete(':userId/external-identity')
  @ApiOperation({ summary: '解除外部身份关联' })
  @ApiOkResponse({ type: AccountAnswerDto })
  unlink(@CurrentActor() actor: Actor, @Param('userId') userId: string, @Body() body: ExternalIdentityDto): Promise<AccountAnswer> {
    return this.accounts.unlink(actor, userId, this.issuerOf(body), body.subject);
  }

  private issuerOf(body: ExternalIdentityDto): string {
    const issuer = body.issuer ?? this.oidc?.issuer;
    if (!issuer)
      throw DomainError.invalid('AUTH.ISSUER_REQUIRED', 'issuer', 'issuer: name the identity provider when OIDC_ISSUER is not configured');
    return issuer;
  }
}
