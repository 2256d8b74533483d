import { Inject, Injectable } from '@nestjs/common';
import { Actor, ID_GENERATOR, IdGenerator, isDomainError, shanghaiDate } from '@bihuan/core';
import { addMonths, CreditQueries } from '@bihuan/credit';
import {
  assertNumberFormat,
  DEFAULT_DOCUMENTS_POLICY,
  DocumentNumberRegister,
  DOCUMENTS_POLICY_CONTEXT,
  PUBLIC_NOTICE_DOCUMENT_KIND,
  PUBLIC_NOTICE_SERIES,
  unitShortName,
} from '@bihuan/documents';
import { EVENT_STORE, EventStore, sm3Hex } from '@bihuan/event-store';
import { CommandReceipt, commandReceipt, POLICIES, PolicyRegistry, READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { noticeError } from '../domain/public-notice-errors';
import { NoticePublicity } from '../domain/public-notice.messages';
import { PUBLIC_NOTICE_CATEGORY, publicNoticeDecider } from '../domain/public-notice.decider';
import { DraftRecord } from '../domain/public-notice.state';
import { PUBLICITY_OF_KIND } from '../domain/public-notice-values';
import { PUBLIC_NOTICE_LAYOUT_VERSION, renderPublicNotice } from '../rendering/public-notice-docx';
import { NoticeAccess } from './notice-access';
import { contentDigest, noticeContent } from './notice-content';
import { NoticePreview, noticePreview } from './notice-views';
import { NoticeFigures, NoticeTables } from './tables/notice-tables.service';

/** A period's figures are published once it is over: its last day lies before the day of `asOf` (Beijing). */
const periodOver = (draft: DraftRecord, asOf: string): boolean => !draft.period || draft.period.to < shanghaiDate(asOf);

/**
 * Publishes a draft (ADR 0021). The refusals that need no tables come first and take no number: not
 * the actor's unit, already published, a correction of a notice corrected meanwhile, a period not
 * over. Then the read models are brought up to the log's head, so the tables are the figures as of
 * the publish instant; the issuing unit's register gives the number (ADR 0009's, one sequence per
 * unit and year); the content is frozen with its SM3 and the DOCX rendered from it is hashed too.
 * A correction marks the corrected notice first (one correction per notice, decided on its own
 * stream), then the correction is published. A number taken for a publication that then fails is
 * voided in the register with the reason, never reused.
 */
@Injectable()
export class NoticePublisher {
  constructor(
    @Inject(NoticeAccess) private readonly notices: NoticeAccess,
    @Inject(NoticeTables) private readonly tables: NoticeTables,
    @Inject(CreditQueries) private readonly credit: CreditQueries,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(DocumentNumberRegister) private readonly register: DocumentNumberRegister,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async publish(actor: Actor, noticeId: string): Promise<CommandReceipt> {
    const state = this.notices.issuer(actor, noticeId, 'publishing a notice')(await this.notices.state(noticeId));
    if (state.status === 'published') {
      throw noticeError('ALREADY_PUBLISHED', `notice ${noticeId} is published and can no longer change: publish a correction instead`);
    }
    const draft = state.draft;
    if (draft.corrects) await this.requireCorrectable(draft.corrects.noticeId, noticeId);
    const asOf = await this.caughtUp();
    if (!periodOver(draft, asOf)) {
      throw noticeError('PERIOD_NOT_OVER', `the period ends ${draft.period!.to}: publish its figures once it is over`, 'period.to', {
        to: draft.period!.to,
      });
    }
    const figures = await this.figures(actor, draft, asOf);
    const publicity = await this.publicity(draft, asOf);
    const policy = await this.policies.current(DOCUMENTS_POLICY_CONTEXT, DEFAULT_DOCUMENTS_POLICY);
    assertNumberFormat(policy.publicNoticeNumberFormat, 'documents.publicNoticeNumberFormat');
    const unit = this.notices.jurisdiction.get(draft.issuingUnitId);
    if (!unit)
      throw noticeError('ISSUING_UNIT_INVALID', `the issuing unit ${draft.issuingUnitId} is no longer in the directory`, 'issuingUnitId');
    const year = Number(shanghaiDate(asOf).slice(0, 4));
    const call = () => ({ actor, now: asOf, commandId: this.ids.next() });
    const number = await this.register.assign(
      {
        unitId: unit.id,
        year,
        format: policy.publicNoticeNumberFormat,
        unitShort: unitShortName(unit, policy),
        unitName: unit.name,
        noticeId,
        kind: PUBLIC_NOTICE_DOCUMENT_KIND,
        series: PUBLIC_NOTICE_SERIES,
      },
      call(),
    );
    const content = noticeContent(draft, { documentNo: number.documentNo, issuingUnitName: unit.name, asOf }, figures);
    const digest = contentDigest(content);
    const documentDigest = sm3Hex(await renderPublicNotice(content, digest));
    try {
      if (draft.corrects) await this.markCorrected(actor, draft, noticeId);
      const data = { noticeId, revision: draft.revision, documentNo: number.documentNo, content, digest, documentDigest, publicity };
      return commandReceipt(
        await this.notices.execution.execute(actor, {
          category: PUBLIC_NOTICE_CATEGORY,
          id: noticeId,
          decider: publicNoticeDecider,
          authorize: this.notices.issuer(actor, noticeId, 'publishing a notice'),
          build: () => ({ type: 'PublishPublicNotice' as const, data: { ...data, layoutVersion: PUBLIC_NOTICE_LAYOUT_VERSION } }),
        }),
      );
    } catch (error) {
      const reason = isDomainError(error) ? `${error.code}：${error.message}` : '通报未能发布';
      await this.register.void(number, reason, call());
      throw error;
    }
  }

  /**
   * What publishing the draft now would publish, made the same way (the read models caught up, the
   * same tables cut to what may be public, the same publicity) but recorded nowhere and unnumbered:
   * the number is taken only when it is published. A published notice has its content on its page.
   */
  async preview(actor: Actor, noticeId: string): Promise<NoticePreview> {
    const state = this.notices.issuer(actor, noticeId, 'previewing a notice')(await this.notices.state(noticeId));
    if (state.status === 'published') {
      throw noticeError('ALREADY_PUBLISHED', `notice ${noticeId} is published: its content is on its page, as the public reads it`);
    }
    const draft = state.draft;
    const asOf = await this.caughtUp();
    const issuingUnitName = this.notices.unitName(draft.issuingUnitId);
    const content = noticeContent(draft, { documentNo: '', issuingUnitName, asOf }, await this.figures(actor, draft, asOf));
    return noticePreview(draft, content, await this.publicity(draft, asOf), periodOver(draft, asOf));
  }

  /** The instant the figures are read at, once the read models have reached the log's head. */
  private async caughtUp(): Promise<string> {
    await this.sync.waitFor(await this.store.headPosition());
    return this.notices.execution.now();
  }

  /** The draft's tables and notes as of `asOf`, read as the issuing unit; a withdrawal prints none. */
  private figures(actor: Actor, draft: DraftRecord, asOf: string): Promise<NoticeFigures> {
    if (draft.withdraw) return Promise.resolve({ tables: [], notes: [] });
    return this.tables.figures(this.notices.unitReader(actor, draft.issuingUnitId), draft, asOf);
  }

  /** 409 unless the corrected notice is published and not corrected by another notice. */
  private async requireCorrectable(correctedId: string, noticeId: string): Promise<void> {
    const corrected = await this.notices.state(correctedId);
    if (corrected.status !== 'published') throw noticeError('NOT_PUBLISHED', `notice ${correctedId} is not published`, 'noticeId');
    if (corrected.correctedBy && corrected.correctedBy.correctionNoticeId !== noticeId) {
      throw noticeError('ALREADY_CORRECTED', `notice ${correctedId} is already corrected: correct its correction instead`, undefined, {
        correctedBy: corrected.correctedBy.correctionNoticeId,
      });
    }
  }

  /** The corrected notice records its correction (the same one again: nothing), decided on its own stream. */
  private async markCorrected(actor: Actor, draft: DraftRecord, noticeId: string): Promise<void> {
    const correctedId = draft.corrects!.noticeId;
    await this.notices.execution.execute(actor, {
      category: PUBLIC_NOTICE_CATEGORY,
      id: correctedId,
      decider: publicNoticeDecider,
      authorize: this.notices.issuer(actor, correctedId, 'correcting a notice'),
      build: () => ({
        type: 'MarkPublicNoticeCorrected' as const,
        data: { noticeId: correctedId, correctionNoticeId: noticeId, withdraw: draft.withdraw },
      }),
    });
  }

  /** Seed 002: basic information public without end, adverse information for the credit policy's `adversePublicYears`. */
  private async publicity(draft: DraftRecord, asOf: string): Promise<NoticePublicity> {
    const credit = await this.credit.policy();
    const cls = PUBLICITY_OF_KIND[draft.kind];
    return {
      class: cls,
      until: cls === 'adverse' ? addMonths(asOf, credit.adversePublicYears * 12) : null,
      policyVersion: credit.policyVersion,
    };
  }
}
