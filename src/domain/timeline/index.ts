/** A lead's story: every event of one SLA instance, in time order (pure). */
export { timelineOf } from './timeline.ts';
export type * from './types.ts';
