import { openedRecordVisibility, StreamVisibility } from '@bihuan/core';
import { ETHICS_ARCHIVE_CATEGORY } from './archive/ethics-archive.decider';
import { ETHICS_EVALUATION_CATEGORY } from './evaluation/ethics-evaluation.decider';

/** A staff member's 医德档案 belongs to the institution it was opened for. */
export const ethicsArchiveVisibility = openedRecordVisibility(ETHICS_ARCHIVE_CATEGORY, 'EthicsArchiveOpened', 'the ethics archive');

/** A 医德考评 belongs to the institution that opened it. */
export const ethicsEvaluationVisibility = openedRecordVisibility(
  ETHICS_EVALUATION_CATEGORY,
  'EthicsEvaluationOpened',
  'the ethics evaluation',
);

/** The ethics context's declarations, for the audit registry. */
export const ETHICS_VISIBILITY: readonly StreamVisibility[] = [ethicsArchiveVisibility, ethicsEvaluationVisibility];
