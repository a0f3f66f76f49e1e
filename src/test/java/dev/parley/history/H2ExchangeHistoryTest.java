package dev.parley.history;

/** The history contract on the embedded H2 that Parley uses by default (an in-memory one per test context). */
class H2ExchangeHistoryTest extends ExchangeHistoryContract {
}
