// Requests begin in the order they arrived, and each turn of the event loop spends at most half a
// millisecond beginning them (the request that crosses the line finishes its start).
//
// Why: Node's event loop (libuv since 1.45, libuv/libuv#3696) accepts one new connection per turn,
// and a turn begins every request that is ready on the connections it already has. Under load a
// turn grows long, so a reader opening a new connection waits many turns while readers on
// kept-alive connections are answered again and again: 32 connections opened at once on a busy
// service were all accepted only after ~500 ms (a bare Node server, 1 ms per request, wrk as the
// client). With the work of beginning requests bounded per turn, the loop polls again soon: a
// waiting connection is accepted after about one request's work, and a burst is served first come,
// first served. Requests that only send a query begin several to a turn; a page rendered from
// memory (about a millisecond) has a turn to itself. A budget of 2 ms let four such pages share a
// turn, and a burst of 32 new connections waited that much longer (bench:public-pages, README).
//
// A connection's first request goes ahead of the requests waiting on connections already open.
// Its reader sent it before the connection was accepted, and accepting takes one turn a connection:
// by the time the service reads it, the readers on open connections have been answered and asked
// again, and waiting behind them it waited twice. 32 readers opening connections at once on a
// service rendering pages (~0.6 ms each) got their first pages after up to 55 ms, the last opened
// last, while the readers first answered were answered twice more meanwhile; going first, the
// first pages of all of them come within the turns that accept them (bench:public-pages, README).
// Only a first request: a client opening a connection per request pays a handshake each time.
//
// Only the start of a request waits: what it does after its first wait for input or output
// (database, object store, the body's stream) goes on as before, so a slow request holds nobody up.
// Work asked for by requests that arrived together therefore comes over several turns: what gathers
// it (tile-pack/range-reader.ts merges a viewer's tiles into one read) waits for a quiet turn.

import type { Middleware } from 'koa';
import type { Socket } from 'node:net';

/** How long one turn of the event loop may spend beginning requests before the loop polls again. */
const TURN_BUDGET_MS = 0.5;

export class LoopTurns {
  // First requests of connections, then the rest; each in the order they asked.
  private readonly firsts: Array<() => void> = [];
  private readonly waiting: Array<() => void> = [];
  // The connections a request has been read from.
  private readonly seen = new WeakSet<Socket>();
  // When this turn began beginning requests; undefined until its first.
  private turnStartedAt: number | undefined;
  private readonly budgetMs: number;
  private readonly now: () => number;

  /** `now`: the clock in milliseconds (tests give their own, so only their requests count). */
  constructor(options: { budgetMs?: number; now?: () => number } = {}) {
    this.budgetMs = options.budgetMs ?? TURN_BUDGET_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Lets the rest of the middleware chain begin on this request's turn. */
  readonly middleware: Middleware = async (ctx, next) => {
    await this.turn(this.isFirstOn(ctx.req.socket));
    await next();
  };

  /** Whether no request was read from this connection before (and remembers it was now). */
  private isFirstOn(socket: Socket): boolean {
    if (this.seen.has(socket)) return false;
    this.seen.add(socket);
    return true;
  }

  /**
   * Resolves once the requests that asked before have begun and this turn has time left; a
   * connection's `first` request, once the first requests that asked before it have.
   */
  turn(first = false): Promise<void> {
    return new Promise((resolve) => {
      (first ? this.firsts : this.waiting).push(resolve);
      setImmediate(this.beginOne);
    });
  }

  // One immediate per waiting request. Node runs each immediate's promise jobs before the next
  // immediate, so the time since the turn's first is the work of the requests begun so far; an
  // immediate queued while immediates run waits for the next turn, after the loop has polled.
  private readonly beginOne = (): void => {
    const now = this.now();
    if (this.turnStartedAt === undefined) {
      this.turnStartedAt = now;
      // Queued first of this turn's deferrals, so it runs first in the next turn.
      setImmediate(this.nextTurn);
    } else if (now - this.turnStartedAt >= this.budgetMs) {
      setImmediate(this.beginOne);
      return;
    }
    (this.firsts.shift() ?? this.waiting.shift())?.();
  };

  private readonly nextTurn = (): void => {
    this.turnStartedAt = undefined;
  };
}
