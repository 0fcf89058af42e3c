/**
 * Long synchronous work that lets the event loop take turns. A run scores, hashes and packs each slice of results
 * while PostgreSQL inserts the previous one; but a slice is ≈ a second of this thread's time for the whole country,
 * and while the thread holds on to it, the previous INSERT's 11 MB stay unwritten in the socket's queue and its
 * answer unread, so PostgreSQL waits for the slice, then the slice for PostgreSQL. Handing the loop a turn every
 * few milliseconds lets the bytes go out and the next statement start meanwhile.
 */

/**
 * `items` mapped by `each` in consecutive arrays of `size` (the last may be shorter), drawn from the iterable only
 * as each array is taken; after every `turnMs` of work (checked between items) the event loop gets a turn.
 */
export async function* slicesInTurns<T, U>(
  items: Iterable<T>,
  size: number,
  each: (item: T) => U,
  turnMs = 10,
): AsyncGenerator<U[]> {
  let slice: U[] = [];
  let turnStarted = performance.now();
  for (const item of items) {
    slice.push(each(item));
    if (slice.length === size) {
      yield slice;
      slice = [];
    }
    if (performance.now() - turnStarted > turnMs) {
      await new Promise((resolve) => setImmediate(resolve));
      turnStarted = performance.now();
    }
  }
  if (slice.length > 0) yield slice;
}
