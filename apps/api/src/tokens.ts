export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const TEMPORAL_TASK_QUEUE = Symbol('TEMPORAL_TASK_QUEUE');
export const PROGRAM_TIMINGS = Symbol('PROGRAM_TIMINGS');
export const RATE_LIMITS = Symbol('RATE_LIMITS');
export const METRICS = Symbol('METRICS');
export const MENTORSHIP_TERMS = Symbol('MENTORSHIP_TERMS');
