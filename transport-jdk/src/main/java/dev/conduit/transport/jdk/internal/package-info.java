/**
 * Implementation of the JDK transport: body adapters, timeout emulation and the connection limiter.
 * Not exported by the module; nothing here is API.
 */
@NullMarked
package dev.conduit.transport.jdk.internal;

import org.jspecify.annotations.NullMarked;
