/**
 * The transport SPI: the few types an HTTP stack implements to carry Conduit's requests. Add a
 * transport module ({@code conduit-transport-jdk}, {@code -okhttp}, {@code -netty}) to the classpath
 * and it is found through {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.conduit.http;

import org.jspecify.annotations.NullMarked;
