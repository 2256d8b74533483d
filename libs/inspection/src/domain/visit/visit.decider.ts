import { Decider } from '@bihuan/core';
import { VisitCommand } from './visit.commands';
import { decideVisit } from './visit.decide';
import { VisitEvent } from './visit.events';
import { evolveVisit, initialVisitState, VisitState } from './visit.state';

/** Stream category of visits: `visit-<visitId>`. */
export const VISIT_STREAM_CATEGORY = 'visit';

/** The Visit decider (检查): planned → conducted → findings registered → closed (by `visit-closure`). */
export const visitDecider: Decider<VisitCommand, VisitEvent, VisitState> = {
  initialState: initialVisitState,
  evolve: evolveVisit,
  decide: decideVisit,
};
