/**
 * The API's resources, one interface per REST namespace, each with an asynchronous twin of the same
 * method names. Obtain them from {@link dev.conduit.OpenAIClient} and
 * {@link dev.conduit.OpenAIClientAsync}.
 */
@NullMarked
package dev.conduit.services;

import org.jspecify.annotations.NullMarked;
