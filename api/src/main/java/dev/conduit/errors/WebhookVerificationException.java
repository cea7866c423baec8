package dev.conduit.errors;

/** A webhook's signature, timestamp or headers failed verification; the payload must not be trusted. */
public class WebhookVerificationException extends OpenAIException {
  private static final long serialVersionUID = 1L;

  public WebhookVerificationException(String message) {
    super(message);
  }
}
