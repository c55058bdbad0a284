/**
 * Below this an answer is given with a note that it may not be what was asked: the engine answers
 * from 0.55 when no rival is close, and a reader should know when the match is that loose.
 */
export const UNSURE_BELOW = 0.7;
