/** Past this many items `sortFew` leaves the work to `Array.prototype.sort`. */
const FEW = 32;

/**
 * Sorts `items` in place and returns them, in exactly the order `Array.prototype.sort` gives (both
 * are stable), by insertion when there are few of them: the engine sorts a lead's touches and its
 * due notifications on every evaluation, and V8's sort allocates its working state on each call —
 * at 100,000 evaluations in a changed world, a tenth of the worker's garbage.
 */
export function sortFew<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > FEW) return items.sort(compare);
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j -= 1;
    }
    items[j + 1] = item;
  }
  return items;
}
