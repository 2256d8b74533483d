import { Command } from '@bihuan/core';
import { ComplaintCategory, ComplaintDecision } from '../domain/complaint-vocabulary';

/**
 * Commands the complaint-consequences workflow sends to other contexts. The target deciders
 * (ethics archive, credit archive) are built elsewhere; these shapes are the contract.
 * Both carry `source` so the record links back to the complaint (audit across streams), and the
 * command metadata carries causationId = the ComplaintDecided event id.
 */
export interface ComplaintSourceRef {
  readonly kind: 'complaint';
  readonly ticketId: string;
  readonly round: number;
  /** eventId of the ComplaintDecided that caused it. */
  readonly eventId: string;
}

/** Stream category of a staff member's ethics archive (医德档案): `ethicsArchive-<staffId>`. */
export const ETHICS_ARCHIVE_CATEGORY = 'ethicsArchive';
/** Stream category of an institution's credit archive (信用档案): `creditArchive-<institutionId>`. */
export const CREDIT_ARCHIVE_CATEGORY = 'creditArchive';

/** Adds a record to a staff member's ethics archive: a (partly) substantiated complaint about them. */
export type AddEthicsRecord = Command<
  'AddEthicsRecord',
  {
    staffId: string;
    institutionId: string;
    recordKind: 'complaint-substantiated' | 'complaint-partly-substantiated';
    decision: ComplaintDecision;
    category: ComplaintCategory;
    /** The institution's findings, without any complainant identity. */
    summary: string;
    occurredAt: string;
    source: ComplaintSourceRef;
  }
>;

/**
 * Adds adverse-practice points (不良执业记分) to an institution for a listed behaviour; the credit
 * archive takes the number from its policy (CreditPolicy.behaviourPoints) and derives the points id
 * from the source (one entry per ticket and behaviour).
 */
export type AddCreditPoints = Command<
  'AddCreditPoints',
  {
    institutionId: string;
    /** The listed behaviour, as the complaint category that established it. */
    behaviour: ComplaintCategory;
    /** Version of the ComplaintConsequencesPolicy that decided to send it. */
    policyVersion: string;
    occurredAt: string;
    source: ComplaintSourceRef;
  }
>;

export type ComplaintConsequenceCommand = AddEthicsRecord | AddCreditPoints;
