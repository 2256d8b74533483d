import { AccessPolicy, isCommissionUnit, Jurisdiction } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { CommandBody } from '@bihuan/platform';
import { ReceiveComplaint } from '../domain/complaint-ticket.commands';
import { Complainant, ComplaintChannel } from '../domain/complaint-vocabulary';
import { hashSecret } from './public-secret';
import { IntakeKind, TicketRequestBody } from './ticket-request';

type Intake = Extract<TicketRequestBody, { kind: IntakeKind }>;

/** What intake has made before the ticket is written: its id, public code and secret, the protected identity. */
export interface IntakeFacts {
  readonly ticketId: string;
  readonly ticketCode: string;
  readonly secret: string;
  readonly complainant: Complainant;
  readonly receivingUnit: string;
}

/** 受理: the ticket as received; the log keeps the secret's hash and the identity's ciphertext only. */
export function receiveBody(r: Intake, facts: IntakeFacts): CommandBody<ReceiveComplaint> {
  return {
    type: 'ReceiveComplaint',
    data: {
      ticketId: facts.ticketId,
      ticketCode: facts.ticketCode,
      secretHash: hashSecret(facts.secret),
      channel: channelOf(r),
      category: r.category,
      description: r.description,
      complainant: facts.complainant,
      institutionId: r.institutionId ?? null,
      departmentId: r.departmentId ?? null,
      staffId: r.staffId ?? null,
      externalReference: externalReferenceOf(r),
      receivingUnit: facts.receivingUnit,
      ...(r.notifyBySms === true ? { notifyBySms: true } : {}),
    },
  };
}

/** Staff pick the channel; the public form is `web`; a partner agency's lead an agency transfer. */
function channelOf(r: Intake): ComplaintChannel {
  if (r.kind === 'receive') return r.channel;
  return r.kind === 'transfer-in' ? 'agency-transfer' : 'web';
}

/** Staff intake and a partner's lead carry a 12345 / agency number; the public form has none. */
export function externalReferenceOf(r: Intake): string | null {
  return r.kind === 'submit-public' ? null : (r.externalReference ?? null);
}

/** A unit that receives complaints: a health commission (400 COMPLAINT.NOT_A_COMMISSION naming `unitId` otherwise). */
export function requireCommission(jurisdiction: Jurisdiction, unitId: string): string {
  const unit = jurisdiction.require(unitId, 'unitId');
  if (!isCommissionUnit(unit))
    throw DomainError.invalid(
      'COMPLAINT.NOT_A_COMMISSION',
      'unitId',
      'unitId must name a health commission, not an institution or an agency',
    );
  return unit.id;
}

/**
 * Where a partner agency's lead (交办线索) goes: a health commission the agency works with (its own
 * commission or one below it: AccessPolicy gives a partner that reach), about an institution under
 * that commission if it names one. Checked before anything is written, by the intake and by the
 * referrals context before it records the lead.
 */
export function transferTarget(access: AccessPolicy, actor: Actor, unitId: string, institutionId: string | null | undefined): string {
  access.assertRole(actor, ['partner'], 'Transferring a lead to a commission');
  const { jurisdiction } = access;
  const unit = requireCommission(jurisdiction, unitId);
  access.assertInScope(actor, unit, 'the commission');
  if (institutionId && !jurisdiction.contains(unit, jurisdiction.requireInstitution(institutionId).id))
    throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `institution ${institutionId} is not under ${unit}`);
  return unit;
}

/** The commission a public complaint goes to: the one named, else the institution's, else the root. */
export function publicReceivingUnit(
  jurisdiction: Jurisdiction,
  unitId: string | null | undefined,
  institutionId: string | null | undefined,
): string {
  if (unitId) return requireCommission(jurisdiction, unitId);
  if (institutionId) {
    const parent = jurisdiction.requireInstitution(institutionId, 'institutionId').parentId;
    if (parent) return parent;
  }
  const root = jurisdiction.all().find((u) => u.parentId === null);
  if (!root) throw new Error('The jurisdiction has no root unit');
  return root.id;
}
