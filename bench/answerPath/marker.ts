/** Printed by startup.ts once the engine is built, followed by a JSON line of figures. */
export const READY_MARKER = 'BENCH_READY';
