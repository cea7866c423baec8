package dev.conduit.benchmarks.contenders;

/** Where an asynchronous stream reports what it sees; called from the library's threads. */
public interface AsyncSink {
  /** One event arrived. */
  void event();

  /** The stream ended normally. */
  void complete();

  /** The stream failed. */
  void error(Throwable t);
}
