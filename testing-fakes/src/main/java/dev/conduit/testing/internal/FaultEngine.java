package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a route's {@link Reply} and an optional fault into the {@link Delivery} that is played. */
public final class FaultEngine {
  private static final Duration RESET_LINGER = Duration.ofMillis(50);

  private FaultEngine() {}

  /** Returns the answer that replaces the real one for a fault that {@linkplain FaultSpec#preventsProcessing() prevents processing}. */
  public static Reply replacement(FaultSpec fault, Codec codec) {
    Headers.Builder extra = Headers.builder();
    List<String> h = fault.headers();
    for (int i = 0; i + 1 < h.size(); i += 2) {
      extra.add(h.get(i), h.get(i + 1));
    }
    Reply base;
    switch (fault.kind()) {
      case STATUS: {
        String body = fault.body();
        base = body != null
            ? Reply.text(fault.status(), body.trim().startsWith("{") ? Reply.JSON : "text/plain; charset=utf-8", body)
            : Reply.json(fault.status(), codec.write(ApiError.defaultBody(fault.status())));
        break;
      }
      case HTML_ERROR:
        base = Reply.text(fault.status(), "text/html; charset=utf-8", html(fault.status()));
        break;
      default:
        base = Reply.text(0, "text/plain", "");
    }
    Headers extraHeaders = extra.build();
    Headers.Builder merged = base.headers().newBuilder();
    for (String name : extraHeaders.names()) {
      merged.remove(name);
    }
    return new Reply(base.status(), merged.addAll(extraHeaders).build(), base.parts(), false);
  }

  /** Plays {@code reply} as it is, or shaped by {@code fault}. */
  public static Delivery deliver(Reply reply, @Nullable FaultSpec fault) {
    List<byte[]> units = units(reply);
    if (fault == null) {
      return new Delivery(Duration.ZERO, false, reply.status(), reply.headers(), reply.stream(), length(units), plain(units));
    }
    Duration delay = fault.delay();
    List<BodyStep> steps;
    long length = length(units);
    switch (fault.kind()) {
      case RESET_BEFORE_HEADERS:
        return new Delivery(delay, true, 0, Headers.empty(), false, 0, List.of());
      case STALL_MID_BODY: {
        int cut = cut(units);
        steps = plain(units.subList(0, cut));
        steps.add(new BodyStep.Stall(fault.stall()));
        if (fault.stall() != null) {
          steps.addAll(plain(units.subList(cut, units.size())));
        }
        break;
      }
      case RESET_MID_BODY:
        steps = plain(units.subList(0, cut(units)));
        if (!steps.isEmpty()) {
          steps.add(new BodyStep.Pause(RESET_LINGER)); // let the first half reach the client before the reset
        }
        steps.add(new BodyStep.Reset());
        break;
      case MALFORMED_JSON:
        List<byte[]> cut = malformed(reply, units);
        length = length(cut);
        steps = plain(cut);
        break;
      case SLOW_DRIP:
        steps = drip(reply.body(), Math.max(1, fault.dripBytes()), fault.dripInterval());
        break;
      default:
        steps = plain(units);
    }
    return new Delivery(delay, false, reply.status(), reply.headers(), reply.stream(), length, steps);
  }

  private static long length(List<byte[]> units) {
    long n = 0;
    for (byte[] u : units) {
      n += u.length;
    }
    return n;
  }

  /** A stream's units are its events; any other body is split in two halves so "mid-body" has a middle. */
  private static List<byte[]> units(Reply reply) {
    if (reply.stream()) {
      return reply.parts();
    }
    byte[] body = reply.body();
    if (body.length < 2) {
      return body.length == 0 ? List.of() : List.of(body);
    }
    int half = body.length / 2;
    return List.of(Arrays.copyOfRange(body, 0, half), Arrays.copyOfRange(body, half, body.length));
  }

  private static int cut(List<byte[]> units) {
    return units.isEmpty() ? 0 : Math.max(1, units.size() / 2);
  }

  private static List<BodyStep> plain(List<byte[]> units) {
    List<BodyStep> steps = new ArrayList<>();
    for (byte[] u : units) {
      if (u.length > 0) {
        steps.add(new BodyStep.Bytes(u));
      }
    }
    return steps;
  }

  private static List<byte[]> malformed(Reply reply, List<byte[]> units) {
    if (!reply.stream()) {
      byte[] body = reply.body();
      return List.of(Arrays.copyOf(body, Math.max(1, body.length / 2)));
    }
    List<byte[]> out = new ArrayList<>(units);
    if (!out.isEmpty()) {
      int i = out.size() / 2;
      String event = new String(out.get(i), StandardCharsets.UTF_8);
      int data = event.lastIndexOf("data: ");
      int end = event.indexOf("\n\n", data);
      if (data >= 0 && end > data) {
        String json = event.substring(data + 6, end);
        String broken = json.startsWith("[") ? "{\"id\": " : json.substring(0, Math.max(1, json.length() / 2));
        out.set(i, (event.substring(0, data + 6) + broken + "\n\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static List<BodyStep> drip(byte[] body, int size, Duration interval) {
    List<BodyStep> steps = new ArrayList<>();
    for (int at = 0; at < body.length; at += size) {
      if (at > 0 && !interval.isZero()) {
        steps.add(new BodyStep.Pause(interval));
      }
      steps.add(new BodyStep.Bytes(Arrays.copyOfRange(body, at, Math.min(body.length, at + size))));
    }
    return steps;
  }

  private static String html(int status) {
    String reason = Http.reason(status);
    return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status + " "
        + reason + "</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";
  }
}
