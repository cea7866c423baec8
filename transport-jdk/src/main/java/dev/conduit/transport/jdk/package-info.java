/**
 * A Conduit {@link dev.conduit.http.Transport} built on {@code java.net.http.HttpClient}. The entry
 * points are {@link dev.conduit.transport.jdk.JdkTransport} and, for discovery through {@link
 * java.util.ServiceLoader}, {@link dev.conduit.transport.jdk.JdkTransportProvider}.
 */
@NullMarked
package dev.conduit.transport.jdk;

import org.jspecify.annotations.NullMarked;
