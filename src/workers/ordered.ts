const HEAD_READY = Symbol('head ready');

/**
 * Maps an async sequence through an asynchronous function with up to `window` calls under way at once,
 * yielding the results in the sequence's order. The source is read only as far as the window allows, so
 * memory holds at most `window` items and results (backpressure on a long stream); a result is yielded as
 * soon as it and those before it are done, even while the source is slow to give the next item.
 * @param source - the items, read in order
 * @param start - begins the work on one item; its promise should not reject (an error is a result)
 * @param window - the most items started and not yet yielded
 */
export async function* mapInOrder<T, R>(source: AsyncIterable<T>, start: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const started: Array<Promise<R>> = [];
  let next: Promise<IteratorResult<T>> | null = null;
  let ended = false;
  try {
    for (;;) {
      while (!ended && started.length < window) {
        next ??= iterator.next();
        // Note: a slow source (a pipe) must not hold back results that are ready.
        if (started.length > 0 && (await Promise.race([next, started[0]!.then(() => HEAD_READY)])) === HEAD_READY) break;
        const result = await next;
        next = null;
        if (result.done) ended = true;
        else started.push(start(result.value));
      }
      const head = started.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    if (!ended) await iterator.return?.();
  }
}
