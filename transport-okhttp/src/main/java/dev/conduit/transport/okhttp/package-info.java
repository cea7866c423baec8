/**
 * A Conduit {@link dev.conduit.http.Transport} built on OkHttp 5. The entry points are {@link
 * dev.conduit.transport.okhttp.OkHttpTransport} and, for discovery through {@link
 * java.util.ServiceLoader}, {@link dev.conduit.transport.okhttp.OkHttpTransportProvider}.
 */
@NullMarked
package dev.conduit.transport.okhttp;

import org.jspecify.annotations.NullMarked;
