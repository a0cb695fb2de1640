/** Distinct statuses and outcomes are few; remembering their lower case saves an allocation per touch. */
const memo = new Map<string, string>();
const LIMIT = 4096;

/** `text.toLowerCase()`, memoised for the small vocabulary of call statuses and outcome names. */
export function lowerCase(text: string): string {
  let lower = memo.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    if (memo.size < LIMIT) memo.set(text, lower);
  }
  return lower;
}
