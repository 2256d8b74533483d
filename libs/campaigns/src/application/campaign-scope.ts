import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, isCommissionUnit, Jurisdiction, Unit } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { InstitutionSelectors, LiveDirectory, matchesSelectors, selectsAttributes } from '@bihuan/directory';
import { campaignError } from '../domain/campaign-errors';
import { CampaignScope } from '../domain/campaign.messages';

/** A scope as a request gives it: directory attributes to select on, and/or institutions by id; lower commissions owing reports. */
export interface ScopeInput extends InstitutionSelectors {
  readonly institutionIds?: readonly string[];
  readonly commissionUnitIds?: readonly string[];
}

/** What the scope reads of the directory besides the tree (LiveDirectory answers it, as for draws). */
export interface InstitutionProfiles {
  profileOf(institutionId: string): { readonly institutionType: string; readonly ownership: string; readonly level: string } | undefined;
}

/**
 * The directory side of a campaign: its issuing unit (a commission unit the actor issues for) and
 * its scope resolved to institutions — those under the issuing unit that match the attributes
 * (二级以上公立医院: ownership public, level 2 or 3), plus those named; all of them when it names
 * neither. Resolved when the launch (or an amendment) is recorded, so the event says whom it meant.
 */
@Injectable()
export class CampaignDirectory {
  constructor(
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(LiveDirectory) private readonly profiles: InstitutionProfiles,
  ) {}

  /** The issuing unit: the actor's own by default; a commission unit (400) the actor issues for (403). */
  issuer(actor: Actor, issuingUnitId: string | undefined): Unit {
    const unit = this.jurisdiction.require(issuingUnitId ?? actor.unit, 'issuingUnitId');
    if (unit.kind === 'institution') {
      throw campaignError('ISSUING_UNIT_INVALID', `issuingUnitId ${unit.id} is an institution, not a commission`, 'issuingUnitId');
    }
    this.access.assertIssuer(actor, unit.id, 'launching a campaign');
    return unit;
  }

  /** The scope as recorded and the institutions it resolves to now; named institutions must lie under the issuing unit (400). */
  resolve(issuingUnitId: string, input: ScopeInput): { scope: CampaignScope; institutionIds: string[] } {
    const listed = [...new Set(input.institutionIds ?? [])];
    listed.forEach((id, i) => {
      const field = `scope.institutionIds[${i}]`;
      this.jurisdiction.requireInstitution(id, field);
      if (!this.jurisdiction.contains(issuingUnitId, id)) {
        throw campaignError('INSTITUTION_OUTSIDE_ISSUER', `${id} does not lie under the issuing unit ${issuingUnitId}`, field, {
          institutionId: id,
        });
      }
    });
    const selecting = selectsAttributes(input) || listed.length === 0;
    const selected = selecting
      ? this.jurisdiction
          .institutionsUnder(issuingUnitId)
          .filter((u) => matchesSelectors(this.profiles.profileOf(u.id), input))
          .map((u) => u.id)
      : [];
    const scope: CampaignScope = {
      institutionTypes: [...(input.institutionTypes ?? [])],
      ownerships: [...(input.ownerships ?? [])],
      levels: [...(input.levels ?? [])],
      listedInstitutionIds: listed,
      commissionUnitIds: this.lowerCommissions(issuingUnitId, input.commissionUnitIds ?? []),
    };
    return { scope, institutionIds: [...new Set([...selected, ...listed])].sort() };
  }

  /** Lower commissions named to owe the reports: each a commission unit strictly below the issuing unit (400), sorted. */
  private lowerCommissions(issuingUnitId: string, ids: readonly string[]): string[] {
    const named = [...new Set(ids)];
    named.forEach((id, i) => {
      const field = `scope.commissionUnitIds[${i}]`;
      const unit = this.jurisdiction.require(id, field);
      if (!isCommissionUnit(unit) || id === issuingUnitId || !this.jurisdiction.contains(issuingUnitId, id)) {
        throw campaignError('COMMISSION_UNIT_INVALID', `${id} is not a commission unit below the issuing unit ${issuingUnitId}`, field, {
          unitId: id,
        });
      }
    });
    return named.sort();
  }
}
