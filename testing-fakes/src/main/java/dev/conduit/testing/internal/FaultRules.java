package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The faults waiting to be injected, in the order they were registered. A rule matches every
 * request or one route, and applies a number of times (or forever). Thread-safe.
 */
public final class FaultRules {
  private static final class Rule {
    final @Nullable String method;
    final @Nullable Pattern path;
    final FaultSpec fault;
    int remaining; // < 0: forever

    Rule(@Nullable String method, @Nullable Pattern path, FaultSpec fault, int remaining) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.remaining = remaining;
    }

    boolean matches(String m, String p) {
      return (method == null || method.equals(m)) && (path == null || path.matcher(p).matches());
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  /** Adds a fault for the next {@code times} requests, whatever their route. */
  public synchronized void add(FaultSpec fault, int times) {
    rules.add(new Rule(null, null, fault, times));
  }

  /**
   * Adds a fault for requests to {@code route}: {@code "POST /v1/responses"}, {@code "/v1/files/*"} (any
   * method). In the path, {@code *} matches within one segment and {@code **} matches anything.
   *
   * @param times how many matching requests get the fault, or -1 for all of them
   */
  public synchronized void add(String route, FaultSpec fault, int times) {
    String r = route.trim();
    String method = null;
    int sp = r.indexOf(' ');
    if (sp > 0) {
      method = r.substring(0, sp).toUpperCase(Locale.ROOT);
      r = r.substring(sp + 1).trim();
      if (method.equals("*")) {
        method = null;
      }
    }
    if (!r.startsWith("/")) {
      throw new IllegalArgumentException("route path does not start with '/': " + route);
    }
    rules.add(new Rule(method, glob(r), fault, times));
  }

  /** Removes and returns the fault for this request, or null if none applies. */
  public synchronized @Nullable FaultSpec take(String method, String path) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matches(method, path)) {
        if (rule.remaining > 0 && --rule.remaining == 0) {
          it.remove();
        }
        return rule.fault;
      }
    }
    return null;
  }

  public synchronized void clear() {
    rules.clear();
  }

  static Pattern glob(String path) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*') {
        if (i + 1 < path.length() && path.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/]*");
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
