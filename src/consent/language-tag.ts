/** A BCP 47-like language tag as banner texts are keyed by: `de`, `de-AT`, `zh-Hant-TW`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
