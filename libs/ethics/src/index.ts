/** Ethics context (医德医风): staff archives, annual evaluations, and the complaint → archive saga. */
export * from './domain/ethics-values';
export * from './domain/ethics-errors';
export * from './domain/ethics-policy';
export * from './domain/archive/ethics-archive.commands';
export * from './domain/archive/ethics-archive.events';
export * from './domain/archive/ethics-archive.state';
export * from './domain/archive/ethics-archive.decider';
export * from './domain/evaluation/ethics-evaluation.commands';
export * from './domain/evaluation/ethics-evaluation.events';
export * from './domain/evaluation/ethics-evaluation.state';
export * from './domain/evaluation/ethics-evaluation.decider';
export * from './domain/evaluation/ethics-grading';
export * from './domain/evaluation/ethics-export';
export * from './workflows/ethics-input-events';
export * from './workflows/complaint-ethics.workflow';
