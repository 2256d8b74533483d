import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { readerOf } from '@bihuan/auth';
import { accessFactsOf, CAMPAIGN_CATEGORY, campaignDecider, decideCampaignRead } from '@bihuan/campaigns';
import { Actor, assertNever, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { CaseWrite, CommandReceipt, commandReceipt } from '@bihuan/platform';
import { noticeError } from '../domain/public-notice-errors';
import { NoticeDraft, NoticePeriod, PublicNoticeCommand, PublicNoticeEvent } from '../domain/public-notice.messages';
import { PUBLIC_NOTICE_CATEGORY, publicNoticeDecider } from '../domain/public-notice.decider';
import { PublicNoticeState } from '../domain/public-notice.state';
import { PublicNoticeKind } from '../domain/public-notice-values';
import { NoticeAccess } from './notice-access';
import { NoticePublisher } from './notice-publisher';

export type PublicNoticeRequestBody =
  /** Draft a notice for the actor's unit (or one below it): what it reports, over which period or campaign, its text. */
  | {
      readonly kind: 'Draft';
      readonly issuingUnitId?: string;
      readonly noticeKind: PublicNoticeKind;
      readonly period?: NoticePeriod;
      readonly campaignId?: string;
      readonly title: string;
      readonly preface: string;
    }
  /** Change a draft's title, text, period or campaign. */
  | {
      readonly kind: 'Revise';
      readonly noticeId: string;
      readonly title?: string;
      readonly preface?: string;
      readonly period?: NoticePeriod;
      readonly campaignId?: string;
    }
  /** Publish it: its tables are made now, numbered, frozen with their SM3 (NoticePublisher). */
  | { readonly kind: 'Publish'; readonly noticeId: string }
  /** Draft the correction of a published notice: a new notice of the same unit and subject, or its withdrawal. */
  | { readonly kind: 'Correct'; readonly noticeId: string; readonly title?: string; readonly preface: string; readonly withdraw?: boolean };

/** The one message to the PublicNotice aggregate (`publicNotice-<id>`) from the API. */
export class PublicNoticeRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly request: PublicNoticeRequestBody,
  ) {
    super();
  }
}

type NoticeWrite = CaseWrite<PublicNoticeCommand, PublicNoticeEvent, PublicNoticeState>;

/**
 * The notice's application service: each request is one write to a notice's stream (publishing, two
 * when it corrects another: NoticePublisher). What the pure decider may not look up is checked here
 * first: the issuing unit (a commission unit the actor issues for) and the campaign of a summary
 * (one the unit may read, issued by it or below it).
 */
@CommandHandler(PublicNoticeRequest)
export class PublicNoticeRequestHandler implements ICommandHandler<PublicNoticeRequest, CommandReceipt> {
  constructor(
    @Inject(NoticeAccess) private readonly notices: NoticeAccess,
    @Inject(NoticePublisher) private readonly publisher: NoticePublisher,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ actor, request: r }: PublicNoticeRequest): Promise<CommandReceipt> {
    switch (r.kind) {
      case 'Draft': {
        const issuingUnitId = this.notices.issuingUnit(actor, r.issuingUnitId);
        if (r.campaignId !== undefined) await this.requireCampaign(actor, issuingUnitId, r.campaignId);
        const noticeId = this.ids.next();
        const data: NoticeDraft = {
          noticeId,
          issuingUnitId,
          kind: r.noticeKind,
          period: r.period ?? null,
          campaignId: r.campaignId ?? null,
          title: r.title,
          preface: r.preface,
          corrects: null,
          withdraw: false,
        };
        return this.write(actor, noticeId, { creates: true, build: () => ({ type: 'DraftPublicNotice', data }) });
      }
      case 'Revise': {
        if (r.campaignId !== undefined) {
          const state = this.notices.issuer(actor, r.noticeId, 'revising a notice')(await this.notices.state(r.noticeId));
          await this.requireCampaign(actor, state.draft.issuingUnitId, r.campaignId);
        }
        const { kind: _kind, ...data } = r;
        return this.write(actor, r.noticeId, {
          authorize: this.notices.issuer(actor, r.noticeId, 'revising a notice'),
          build: () => ({ type: 'RevisePublicNoticeDraft', data }),
        });
      }
      case 'Publish':
        return this.publisher.publish(actor, r.noticeId);
      case 'Correct':
        return this.correct(actor, r);
      default:
        return assertNever(r, 'public notice request');
    }
  }

  /** A new draft naming the published notice it corrects, of the same unit, kind, period and campaign. */
  private async correct(actor: Actor, r: Extract<PublicNoticeRequestBody, { kind: 'Correct' }>): Promise<CommandReceipt> {
    const corrected = this.notices.issuer(actor, r.noticeId, 'correcting a notice')(await this.notices.state(r.noticeId));
    if (corrected.status !== 'published') {
      throw noticeError('NOT_PUBLISHED', `notice ${r.noticeId} is a draft: revise it instead of correcting it`, 'noticeId');
    }
    if (corrected.correctedBy) {
      throw noticeError('ALREADY_CORRECTED', `notice ${r.noticeId} is already corrected: correct its correction instead`, undefined, {
        correctedBy: corrected.correctedBy.correctionNoticeId,
      });
    }
    const { draft, published } = corrected;
    const noticeId = this.ids.next();
    const withdraw = r.withdraw === true;
    const data: NoticeDraft = {
      noticeId,
      issuingUnitId: draft.issuingUnitId,
      kind: draft.kind,
      period: draft.period,
      campaignId: draft.campaignId,
      title: r.title ?? `关于${withdraw ? '撤销' : '更正'}《${published.content.title}》的通报`,
      preface: r.preface,
      corrects: { noticeId: r.noticeId, documentNo: published.documentNo, title: published.content.title },
      withdraw,
    };
    return this.write(actor, noticeId, { creates: true, build: () => ({ type: 'DraftPublicNotice', data }) });
  }

  /** 400 NOTICE.CAMPAIGN_UNKNOWN naming campaignId unless the unit reads the campaign and it was issued there or below. */
  private async requireCampaign(actor: Actor, issuingUnitId: string, campaignId: string): Promise<void> {
    const state = await this.notices.execution.state(campaignDecider, CAMPAIGN_CATEGORY, campaignId);
    const reader = readerOf(this.notices.access, this.notices.unitReader(actor, issuingUnitId));
    const readable = decideCampaignRead(reader, accessFactsOf(state)).kind === 'granted';
    if (state.status === 'none' || !readable || !this.notices.jurisdiction.contains(issuingUnitId, state.campaign.issuingUnitId)) {
      throw noticeError('CAMPAIGN_UNKNOWN', `campaignId "${campaignId}" is no campaign of ${issuingUnitId}`, 'campaignId', { campaignId });
    }
  }

  private async write(actor: Actor, id: string, step: Pick<NoticeWrite, 'authorize' | 'build' | 'creates'>): Promise<CommandReceipt> {
    return commandReceipt(
      await this.notices.execution.execute(actor, { category: PUBLIC_NOTICE_CATEGORY, id, decider: publicNoticeDecider, ...step }),
    );
  }
}
