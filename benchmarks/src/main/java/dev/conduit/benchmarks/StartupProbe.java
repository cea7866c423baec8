package dev.conduit.benchmarks;

import dev.conduit.benchmarks.contenders.Contender;

/**
 * The start-up figure's child process: builds the contender's client, sends one chat completion,
 * prints {@code ANSWERED} and exits. The parent times from spawning this JVM to reading that line.
 * Arguments: contender, base URL.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    Contender c = Contender.create(args[0], args[1], 0);
    Object answer = c.chat();
    if (answer == null) {
      throw new IllegalStateException("no answer");
    }
    System.out.println("ANSWERED");
    System.out.flush();
    System.exit(0);
  }
}
