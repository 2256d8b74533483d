import { sm3Hex } from '@bihuan/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, ID_GENERATOR, IdGenerator, isDomainError, shanghaiDate } from '@bihuan/core';
import {
  FINDING_STREAM_CATEGORY,
  FINDING_WRITE,
  findingDecider,
  INSPECTION_POLICY,
  InspectionAccess,
  isNoticeKind,
  NOTICE_KIND_LABELS,
  noticeDocumentOccasion,
  NoticeKind,
  RecordNoticeDocument,
} from '@bihuan/inspection';
import { CommandExecution, POLICIES, PolicyRegistry } from '@bihuan/platform';
import { documentsError } from '../documents-errors';
import { DEFAULT_DOCUMENTS_POLICY, DOCUMENTS_POLICY_CONTEXT, unitShortName } from '../documents-policy';
import { assertNumberFormat } from '../numbering/document-number-format';
import { DocumentNumberRegister } from '../numbering/document-number.register';
import { renderNotice } from '../rendering/docx-render';
import { NoticeTemplates } from '../templates/notice-templates';
import { noticeFieldValues } from './notice-field-values';
import { downloadPath, NoticeDocumentView } from './notice-views';

/** The one message of the notice documents: issue a notice of `kind` on a finding. */
export class IssueNoticeDocument extends Command<NoticeDocumentView> {
  constructor(
    readonly actor: Actor,
    readonly findingId: string,
    readonly kind: string,
  ) {
    super();
  }
}

/**
 * Issues a printed notice (ADR 0009): the finding is read and scope-checked as its read is, the
 * rule of which notice may be issued now is checked before a number is taken, then the issuing
 * unit's register gives the next number, the template in force is filled and hashed (SM3), and
 * `RecordNoticeDocument` goes through the one write seam onto the finding's stream, where the
 * decider checks the rule again. A number taken for a notice the finding then refuses (a race) is
 * voided in the register with the reason, so the sequence stays accounted for.
 */
@CommandHandler(IssueNoticeDocument)
export class IssueNoticeDocumentHandler implements ICommandHandler<IssueNoticeDocument> {
  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(InspectionAccess) private readonly scope: InspectionAccess,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(NoticeTemplates) private readonly templates: NoticeTemplates,
    @Inject(DocumentNumberRegister) private readonly register: DocumentNumberRegister,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ actor, findingId, kind }: IssueNoticeDocument): Promise<NoticeDocumentView> {
    if (!isNoticeKind(kind)) throw documentsError('NOTICE_KIND_UNKNOWN', `Unknown notice kind "${kind}"`, { field: 'kind', kind });
    const state = await this.commands.state(findingDecider, FINDING_STREAM_CATEGORY, findingId);
    const finding = this.scope.finding(actor, findingId)(state);
    noticeDocumentOccasion(kind, finding, await this.policies.current(INSPECTION_POLICY.context, INSPECTION_POLICY.defaults));
    const policy = await this.policies.current(DOCUMENTS_POLICY_CONTEXT, DEFAULT_DOCUMENTS_POLICY);
    assertNumberFormat(policy.numberFormat);
    const unit = this.scope.jurisdiction.get(actor.unit);
    if (!unit)
      throw documentsError('ISSUING_UNIT_UNKNOWN', `The issuing unit "${actor.unit}" is not in the directory`, { unit: actor.unit });
    const institutionId = finding.finding.institutionId;
    const institutionName = this.scope.jurisdiction.get(institutionId)?.name ?? institutionId;
    const template = await this.templates.current(kind);

    const issuedAt = this.commands.now();
    const year = Number(shanghaiDate(issuedAt).slice(0, 4));
    const call = () => ({ actor, now: issuedAt, commandId: this.ids.next() });
    const numberData = { unitId: unit.id, year, format: policy.numberFormat, unitShort: unitShortName(unit, policy), unitName: unit.name };
    const number = await this.register.assign({ ...numberData, findingId, kind }, call());

    const fields = noticeFieldValues(finding, {
      kind,
      documentNo: number.documentNo,
      institutionName,
      issuingUnitName: unit.name,
      issuedAt,
    });
    const digest = sm3Hex(renderNotice(template.bytes, fields));
    const fileName = noticeFileName(kind, number.documentNo);
    const data: RecordNoticeDocument['data'] = {
      findingId,
      kind,
      documentNo: number.documentNo,
      issuingUnitId: unit.id,
      digest,
      templateVersion: template.version,
      templateDigest: template.digest,
      fileName,
      fields,
    };
    let step = 0;
    try {
      const outcome = await this.commands.execute(actor, {
        ...FINDING_WRITE,
        id: findingId,
        authorize: this.scope.finding(actor, findingId),
        build: () => ({ type: 'RecordNoticeDocument' as const, data }),
      });
      const after = outcome.state;
      step = after.status === 'none' ? 0 : (after.rectification.noticeDocuments.find((d) => d.documentNo === number.documentNo)?.step ?? 0);
    } catch (error) {
      const reason = isDomainError(error) ? `${error.code}：${error.message}` : '文书未能记入案卷';
      await this.register.void(number, reason, call());
      throw error;
    }
    return {
      findingId,
      kind,
      title: NOTICE_KIND_LABELS[kind],
      documentNo: number.documentNo,
      round: finding.rectification.round,
      step,
      digest,
      templateVersion: template.version,
      fileName,
      issuingUnitId: unit.id,
      issuedBy: actor.id,
      issuedAt,
      download: downloadPath(findingId, number.documentNo),
    };
  }
}

/** 整改通知书（东城卫健监整〔2026〕12号）.docx — path separators cannot occur in a name built from these. */
export function noticeFileName(kind: NoticeKind, documentNo: string): string {
  return `${NOTICE_KIND_LABELS[kind]}（${documentNo}）.docx`.replace(/[\\/]/g, '_');
}
