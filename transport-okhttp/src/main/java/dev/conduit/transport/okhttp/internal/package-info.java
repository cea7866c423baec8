/**
 * Implementation of the OkHttp transport: request and response adapters, timeout emulation, the
 * connection limiter and the body publisher. Not exported by the module; nothing here is API.
 */
@NullMarked
package dev.conduit.transport.okhttp.internal;

import org.jspecify.annotations.NullMarked;
