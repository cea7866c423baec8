package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.time.Duration;
import java.util.List;

/**
 * How the fake delivers one response, faults applied: a wait before the headers (or a reset instead
 * of them), the status and headers, and the body as {@link BodyStep}s. Both the loopback server and
 * the in-memory transport play a delivery, so both modes behave alike.
 *
 * @param chunked true to send the body with chunked transfer encoding (streams), else with a
 *     content length
 * @param contentLength the length announced for a body that is not chunked: that of the whole body,
 *     even when a fault cuts the delivery short
 */
public record Delivery(Duration headDelay, boolean resetBeforeHead, int status, Headers headers, boolean chunked,
    long contentLength, List<BodyStep> steps) {}
