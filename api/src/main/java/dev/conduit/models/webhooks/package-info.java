/** The events OpenAI delivers to webhooks; see {@link dev.conduit.services.WebhookService}. */
@NullMarked
package dev.conduit.models.webhooks;

import org.jspecify.annotations.NullMarked;
