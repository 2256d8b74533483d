import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, Jurisdiction, readerOf } from '@bihuan/auth';
import { Actor, assertNever, assertReadGranted, EvidenceFile, ID_GENERATOR, IdGenerator, streamName } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import {
  AppConfig,
  CommandExecution,
  CommandReceipt,
  commandReceipt,
  CONFIG,
  RequestAction,
  StagedFile,
  stageGenerated,
  stagingDirOf,
} from '@bihuan/platform';
import { referralError } from '../domain/referral-errors';
import { REFERRAL_CATEGORY, REFERRER_ROLES } from '../domain/referral/referral.decider';
import { ReferralState } from '../domain/referral/referral.state';
import { ReferralOutcome } from '../domain/referral-values';
import { referralVisibility } from '../domain/referrals.visibility';
import { CASE_DOSSIER_EXPORT, CaseDossierExport } from './case-dossier.port';
import { acknowledgeTerms, competentAgency } from './referral-terms';
import { correlationOf, openSource } from './referral-sources';
import { referralWrite, ReferralWrite } from './referral-writes';

/** What a person may ask of a referral (`referral-<referralId>`). */
export type ReferralAction =
  | RequestAction<'Refer', { readonly sourceStream: string; readonly agencyId: string; readonly reason: string }>
  | RequestAction<'Acknowledge', Record<string, never>>
  /** 上传处理结果材料: a streamed upload the upload guard staged, which the outcome then cites by digest. */
  | RequestAction<'AttachEvidence', { readonly staged: StagedFile; readonly note: string | null }>
  | RequestAction<'RecordOutcome', { readonly outcome: ReferralOutcome; readonly text: string; readonly evidence: readonly string[] }>
  | RequestAction<'Close', { readonly note: string | null }>;

/** A write's receipt; a referral and an upload also answer the file they recorded. */
export type ReferralReceipt = CommandReceipt & { readonly file?: EvidenceFile };

/** CommandBus message: one request to a referral (a new one for `Refer`). */
export class ReferralRequest extends Command<ReferralReceipt> {
  constructor(
    readonly actor: Actor,
    readonly referralId: string | null,
    readonly action: ReferralAction,
  ) {
    super();
  }
}

/**
 * The referral's application service. Referring opens the case as the referrer may read it (its
 * context's visibility), checks the agency, makes the case file with the audit's dossier export
 * (personal data as a partner may see it: not at all), stages it and keeps it in the evidence
 * vault only once the decider accepted — in the correlation of the case, so each one's history
 * shows the other. Every later step continues that correlation and is scoped on the loaded
 * referral: a partner of another agency learns nothing of it (404), commission staff out of scope get 403.
 */
@CommandHandler(ReferralRequest)
export class ReferralHandler implements ICommandHandler<ReferralRequest, ReferralReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
    @Inject(CASE_DOSSIER_EXPORT) private readonly dossiers: CaseDossierExport,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor, referralId, action }: ReferralRequest): Promise<ReferralReceipt> {
    if (action.kind === 'Refer') return this.refer(actor, action.data);
    if (referralId === null) throw referralError('NOT_FOUND', 'No such referral');
    switch (action.kind) {
      case 'Acknowledge':
        return this.step(actor, referralId, () => ({ type: 'AcknowledgeReferral', data: {} }));
      case 'AttachEvidence':
        return this.attach(actor, referralId, action.data.staged, action.data.note);
      case 'RecordOutcome':
        return this.step(actor, referralId, () => ({
          type: 'RecordReferralOutcome',
          data: { ...action.data, evidence: [...action.data.evidence] },
        }));
      case 'Close':
        return this.step(actor, referralId, () => ({ type: 'CloseReferral', data: { note: action.data.note } }));
      default:
        return assertNever(action, 'referral action');
    }
  }

  private async refer(actor: Actor, data: Extract<ReferralAction, { kind: 'Refer' }>['data']): Promise<ReferralReceipt> {
    this.access.assertRole(actor, REFERRER_ROLES, 'Referring a case to a partner agency');
    const source = await openSource(this.execution.store, this.access, actor, data.sourceStream);
    const agency = competentAgency(this.jurisdiction, data.agencyId, source.institutionId ?? actor.unit);
    const dossier = await this.dossiers.dossier(actor, source.stream, { purpose: `移交${agency.name}`, audience: 'partner' });
    const staged = await stageGenerated(stagingDirOf(this.config), Buffer.from(dossier.html, 'utf8'), {
      name: dossier.fileName,
      mediaType: 'text/html',
    });
    const prepared = await this.vault.prepare(staged);
    try {
      const referralId = this.ids.next();
      const write = referralWrite(referralId, (_state, ctx) => ({
        type: 'MakeReferral',
        data: {
          referralId,
          source: { stream: source.stream, category: source.category, institutionId: source.institutionId },
          fromUnit: actor.unit,
          toUnit: agency.id,
          agencyType: agency.agencyType ?? 'other',
          reason: data.reason,
          dossier: prepared.file,
          acknowledge: acknowledgeTerms(ctx.calendar, ctx.policy, ctx.now),
          policy: ctx.policy,
        },
      }));
      const outcome = await this.execution.execute(
        actor,
        { ...write, beforeAppend: () => prepared.keep() },
        { correlationId: source.correlationId },
      );
      return { ...commandReceipt(outcome), file: prepared.file };
    } finally {
      await prepared.discard();
      await staged.discard();
    }
  }

  /** An agency's document for its answer: described, decided, and its bytes kept only once accepted. */
  private async attach(actor: Actor, referralId: string, staged: StagedFile, note: string | null): Promise<ReferralReceipt> {
    const prepared = await this.vault.prepare(staged);
    try {
      const write = this.scoped(actor, referralId, () => ({ type: 'AttachEvidence', data: { file: prepared.file, note } }));
      const outcome = await this.execution.execute(
        actor,
        { ...write, beforeAppend: () => prepared.keep() },
        await this.conversation(referralId),
      );
      return { ...commandReceipt(outcome), file: prepared.file };
    } finally {
      await prepared.discard();
    }
  }

  private async step(actor: Actor, referralId: string, build: ReferralWrite['build']): Promise<ReferralReceipt> {
    return commandReceipt(await this.execution.execute(actor, this.scoped(actor, referralId, build), await this.conversation(referralId)));
  }

  /** A write on an existing referral, refused on the loaded state before anything is built (visibility: 404 / 403). */
  private scoped(actor: Actor, referralId: string, build: ReferralWrite['build']): ReferralWrite {
    return referralWrite(referralId, build, (state: ReferralState) => {
      const notFound = () => referralError('NOT_FOUND', `No referral ${referralId}`);
      if (state.status === 'none') throw notFound();
      const { institutionId, fromUnit, toUnit } = state.referral;
      const parties = { institutionId, commissionUnit: fromUnit, agencyUnit: toUnit };
      assertReadGranted(referralVisibility.decide(readerOf(this.access, actor), parties), notFound);
    });
  }

  /** Every step of a referral continues the correlation it was made in (the case's). */
  private async conversation(referralId: string): Promise<{ correlationId: string } | undefined> {
    const correlationId = await correlationOf(this.execution.store, streamName(REFERRAL_CATEGORY, referralId));
    return correlationId ? { correlationId } : undefined;
  }
}
