import { openedRecordVisibility } from '@bihuan/core';
import { CREDIT_POINTS_CATEGORY } from '../archive/credit-points.decider';

/**
 * A points entry (ADR 0006) belongs to its institution as its archive does. Points are adverse
 * information, never black-list information, so whoever may read the archive reads the entry whole:
 * the same readers as `creditArchiveVisibility`, with nothing to trim.
 */
export const creditPointsVisibility = openedRecordVisibility(CREDIT_POINTS_CATEGORY, 'CreditPointsAdded', 'the credit points');
