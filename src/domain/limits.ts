/**
 * Limits on what users type, shared with the sidebar: src/api/contract.ts re-exports them, so a
 * form stops the typing where the server would refuse it.
 */

/** Longest reason of a stop (or split) or of an absence, in characters. */
export const MAX_REASON_LENGTH = 500;

/** Longest comment of a visit, in characters. */
export const MAX_VISIT_COMMENT_LENGTH = 2000;

/** Most hours in a week of stage: a stage's own weekly hours and the settings' default. */
export const MAX_WEEKLY_HOURS = 48;

/**
 * Interns a teacher follows at once (stages whose dates overlap): « 16 stagiaires suivis en même
 * temps » is what a referent is commonly given; Paramètres may change it within 1–MAX.
 */
export const DEFAULT_FOLLOW_CAP = 16;
export const MAX_FOLLOW_CAP = 200;

/** Most follow-up visits a session may expect of each stage (« Visites attendues »). */
export const MAX_EXPECTED_VISITS = 10;
