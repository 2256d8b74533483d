import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, assertNever, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { LedgerQueries, VisitQueries } from '@bihuan/inspection';
import { CaseWrite, CommandExecution, CommandReceipt, commandReceipt, READ_MODELS } from '@bihuan/platform';
import { PhaseInput } from '../domain/campaign-phases';
import { CampaignCommand, CampaignEvent, CampaignOpenRow } from '../domain/campaign.messages';
import { CAMPAIGN_CATEGORY, campaignDecider } from '../domain/campaign.decider';
import { CampaignState } from '../domain/campaign.state';
import { CampaignAccess } from './campaign-access';
import { CampaignDirectory, ScopeInput } from './campaign-scope';

export type CampaignRequestBody =
  /** Launch a campaign for the actor's unit (or one below it), over a scope, in dated phases. */
  | {
      readonly kind: 'Launch';
      readonly issuingUnitId?: string;
      readonly title: string;
      readonly year: number;
      readonly scope: ScopeInput;
      readonly phases: readonly PhaseInput[];
    }
  /** Change its title, phases or scope while it runs, with a reason. */
  | {
      readonly kind: 'Amend';
      readonly campaignId: string;
      readonly title?: string;
      readonly phases?: readonly PhaseInput[];
      readonly scope?: ScopeInput;
      readonly reason: string;
    }
  /** Close it: refused while its ledger has open rows, unless they are carried over with a reason. */
  | { readonly kind: 'Close'; readonly campaignId: string; readonly carryOver?: boolean; readonly reason?: string };

/** The one message to the Campaign aggregate (`campaign-<id>`) from the API. */
export class CampaignRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly request: CampaignRequestBody,
  ) {
    super();
  }
}

type CampaignWrite = CaseWrite<CampaignCommand, CampaignEvent, CampaignState>;

/**
 * The campaign's application service: each request is one write to the campaign's stream. What the
 * pure decider may not look up arrives in the command: the scope resolved against the directory,
 * the institutions the campaign's visits name (an amended scope must keep them), and the open rows
 * of its ledger (the inspection ledger filtered by campaign) when it is closed.
 */
@CommandHandler(CampaignRequest)
export class CampaignRequestHandler implements ICommandHandler<CampaignRequest, CommandReceipt> {
  private readonly ledgers: LedgerQueries;
  private readonly visits: VisitQueries;

  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(CampaignAccess) private readonly campaigns: CampaignAccess,
    @Inject(CampaignDirectory) private readonly directory: CampaignDirectory,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(READ_MODELS) database: SqlDatabase,
  ) {
    this.ledgers = new LedgerQueries(database);
    this.visits = new VisitQueries(database);
  }

  async execute({ actor, request: r }: CampaignRequest): Promise<CommandReceipt> {
    switch (r.kind) {
      case 'Launch': {
        const issuer = this.directory.issuer(actor, r.issuingUnitId);
        const { scope, institutionIds } = this.directory.resolve(issuer.id, r.scope);
        const campaignId = this.ids.next();
        const data = { campaignId, issuingUnitId: issuer.id, title: r.title, year: r.year, scope, institutionIds, phases: r.phases };
        return this.write(actor, campaignId, { creates: true, build: () => ({ type: 'LaunchCampaign', data }) });
      }
      case 'Amend': {
        const visible = this.campaigns.access.visibleInstitutions(actor);
        const inUse = [...new Set((await this.visits.ofCampaign(r.campaignId, visible)).map((v) => v.institutionId))];
        return this.write(actor, r.campaignId, {
          authorize: this.campaigns.issuer(actor, r.campaignId, 'amending a campaign'),
          build: (state) => {
            const resolved = r.scope && state.status !== 'none' ? this.directory.resolve(state.campaign.issuingUnitId, r.scope) : null;
            return {
              type: 'AmendCampaign',
              data: {
                campaignId: r.campaignId,
                title: r.title ?? null,
                phases: r.phases ?? null,
                scope: resolved?.scope ?? null,
                institutionIds: resolved?.institutionIds ?? null,
                institutionsInUse: inUse,
                reason: r.reason,
              },
            };
          },
        });
      }
      case 'Close': {
        const openRows = await this.openRows(actor, r.campaignId);
        return this.write(actor, r.campaignId, {
          authorize: this.campaigns.issuer(actor, r.campaignId, 'closing a campaign'),
          build: () => ({
            type: 'CloseCampaign',
            data: { campaignId: r.campaignId, openRows, carryOver: r.carryOver === true, reason: r.reason ?? null },
          }),
        });
      }
      default:
        return assertNever(r, 'campaign request');
    }
  }

  /** Rows of the campaign's ledger neither signed off nor withdrawn, as the issuer sees them (their jurisdiction holds the scope). */
  private async openRows(actor: Actor, campaignId: string): Promise<CampaignOpenRow[]> {
    const visible = this.campaigns.access.visibleInstitutions(actor);
    const { rows } = await this.ledgers.ledger({ campaignId }, visible, this.commands.now());
    return rows
      .filter((row) => !row.signedOff && row.status !== 'withdrawn')
      .map(({ findingId, institutionId }) => ({ findingId, institutionId }));
  }

  private async write(actor: Actor, id: string, step: Pick<CampaignWrite, 'authorize' | 'build' | 'creates'>): Promise<CommandReceipt> {
    return commandReceipt(await this.commands.execute(actor, { category: CAMPAIGN_CATEGORY, id, decider: campaignDecider, ...step }));
  }
}
