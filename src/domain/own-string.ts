/**
 * A copy of `s` that keeps nothing else alive. V8 keeps a slice of a string (and a string joined
 * from slices) as a view of the string it was cut from: a piece of a page's HTML stored for later
 * — a cache key, a search unit's text — kept the whole page in memory, and the build of 61,000
 * pages held every one of them (gigabytes). Joining a character and cutting it off again makes
 * V8 copy the characters into a string of their own.
 */
export const ownString = (s: string): string => (s.length < 13 ? s : `${s} `.slice(0, -1));
