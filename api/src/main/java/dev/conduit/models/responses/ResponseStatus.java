package dev.conduit.models.responses;

import dev.conduit.models.OpenEnum;

/** The status of a {@link Response}; open to values added to the API later. */
public final class ResponseStatus extends OpenEnum {
  /** The response finished. */
  public static final ResponseStatus COMPLETED = new ResponseStatus("completed");
  /** The response failed; see {@link Response#error()}. */
  public static final ResponseStatus FAILED = new ResponseStatus("failed");
  /** The response is being generated. */
  public static final ResponseStatus IN_PROGRESS = new ResponseStatus("in_progress");
  /** The (background) response was cancelled. */
  public static final ResponseStatus CANCELLED = new ResponseStatus("cancelled");
  /** The response waits to be processed. */
  public static final ResponseStatus QUEUED = new ResponseStatus("queued");
  /** The response stopped early; see {@link Response#incompleteDetails()}. */
  public static final ResponseStatus INCOMPLETE = new ResponseStatus("incomplete");

  private ResponseStatus(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance for a value this version does not know. */
  public static ResponseStatus of(String value) {
    switch (value) {
      case "completed":
        return COMPLETED;
      case "failed":
        return FAILED;
      case "in_progress":
        return IN_PROGRESS;
      case "cancelled":
        return CANCELLED;
      case "queued":
        return QUEUED;
      case "incomplete":
        return INCOMPLETE;
      default:
        return new ResponseStatus(value);
    }
  }
}
