/**
 * Implementation of the Netty transport: the connection pool, the connector (TCP, proxy tunnel,
 * TLS), the per-exchange state machine on the event loop, and the body adapters. Not exported by
 * the module; nothing here is API.
 */
@NullMarked
package dev.conduit.transport.netty.internal;

import org.jspecify.annotations.NullMarked;
