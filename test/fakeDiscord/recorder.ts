interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  promise: Promise<T>;
  timer: NodeJS.Timeout;
}

/**
 * An append-only list that tests can wait on. Waiting matches past and future items alike, so a test
 * never races the bot: it may start waiting before or after the bot acted.
 */
export class Recorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(item)) {
        this.settle(waiter);
        waiter.resolve(item);
      }
    }
  }

  /** Resolves with the first item matching `predicate`; rejects with `describe()` after `timeoutMs`. */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    const found = this.items.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    let resolve!: (item: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const waiter: Waiter<T> = {
      predicate,
      resolve,
      reject,
      promise,
      timer: setTimeout(() => {
        this.settle(waiter);
        reject(new Error(describe()));
      }, timeoutMs),
    };
    this.waiters.add(waiter);
    return promise;
  }

  /** Fails everything still waiting; used when the fake shuts down. */
  close(reason: string): void {
    for (const waiter of [...this.waiters]) {
      this.settle(waiter);
      // Nobody may be listening any more (the test already ended), so don't turn this into an unhandled rejection.
      waiter.promise.catch(() => {});
      waiter.reject(new Error(reason));
    }
  }

  private settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}
