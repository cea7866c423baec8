package dev.conduit.models.webhooks;

import dev.conduit.models.OpenEnum;
import java.util.List;

/**
 * The type of a {@link WebhookEvent}: the 16 event types of the OpenAPI spec's {@code webhooks}
 * section. Values added later decode to new instances instead of failing.
 */
public final class WebhookEventType extends OpenEnum {
  /** {@code batch.cancelled}: A batch API request was cancelled. */
  public static final WebhookEventType BATCH_CANCELLED = new WebhookEventType("batch.cancelled");
  /** {@code batch.completed}: A batch API request completed. */
  public static final WebhookEventType BATCH_COMPLETED = new WebhookEventType("batch.completed");
  /** {@code batch.expired}: A batch API request expired. */
  public static final WebhookEventType BATCH_EXPIRED = new WebhookEventType("batch.expired");
  /** {@code batch.failed}: A batch API request failed. */
  public static final WebhookEventType BATCH_FAILED = new WebhookEventType("batch.failed");
  /** {@code eval.run.canceled}: An eval run was canceled. */
  public static final WebhookEventType EVAL_RUN_CANCELED = new WebhookEventType("eval.run.canceled");
  /** {@code eval.run.failed}: An eval run failed. */
  public static final WebhookEventType EVAL_RUN_FAILED = new WebhookEventType("eval.run.failed");
  /** {@code eval.run.succeeded}: An eval run succeeded. */
  public static final WebhookEventType EVAL_RUN_SUCCEEDED = new WebhookEventType("eval.run.succeeded");
  /** {@code fine_tuning.job.cancelled}: A fine-tuning job was cancelled. */
  public static final WebhookEventType FINE_TUNING_JOB_CANCELLED = new WebhookEventType("fine_tuning.job.cancelled");
  /** {@code fine_tuning.job.failed}: A fine-tuning job failed. */
  public static final WebhookEventType FINE_TUNING_JOB_FAILED = new WebhookEventType("fine_tuning.job.failed");
  /** {@code fine_tuning.job.succeeded}: A fine-tuning job succeeded. */
  public static final WebhookEventType FINE_TUNING_JOB_SUCCEEDED = new WebhookEventType("fine_tuning.job.succeeded");
  /** {@code live.call.incoming}: An incoming SIP call is available for Live acceptance; {@code data} holds {@code session_id}. */
  public static final WebhookEventType LIVE_CALL_INCOMING = new WebhookEventType("live.call.incoming");
  /** {@code realtime.call.incoming}: An incoming SIP call is available for Realtime acceptance; {@code data} holds {@code call_id}. */
  public static final WebhookEventType REALTIME_CALL_INCOMING = new WebhookEventType("realtime.call.incoming");
  /** {@code response.cancelled}: A background response was cancelled. */
  public static final WebhookEventType RESPONSE_CANCELLED = new WebhookEventType("response.cancelled");
  /** {@code response.completed}: A background response completed. */
  public static final WebhookEventType RESPONSE_COMPLETED = new WebhookEventType("response.completed");
  /** {@code response.failed}: A background response failed. */
  public static final WebhookEventType RESPONSE_FAILED = new WebhookEventType("response.failed");
  /** {@code response.incomplete}: A background response ended incomplete. */
  public static final WebhookEventType RESPONSE_INCOMPLETE = new WebhookEventType("response.incomplete");

  private static final List<WebhookEventType> KNOWN = List.of(
      BATCH_CANCELLED,
      BATCH_COMPLETED,
      BATCH_EXPIRED,
      BATCH_FAILED,
      EVAL_RUN_CANCELED,
      EVAL_RUN_FAILED,
      EVAL_RUN_SUCCEEDED,
      FINE_TUNING_JOB_CANCELLED,
      FINE_TUNING_JOB_FAILED,
      FINE_TUNING_JOB_SUCCEEDED,
      LIVE_CALL_INCOMING,
      REALTIME_CALL_INCOMING,
      RESPONSE_CANCELLED,
      RESPONSE_COMPLETED,
      RESPONSE_FAILED,
      RESPONSE_INCOMPLETE);

  private WebhookEventType(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static WebhookEventType of(String value) {
    for (WebhookEventType t : KNOWN) {
      if (t.value().equals(value)) {
        return t;
      }
    }
    return new WebhookEventType(value);
  }

  /** Returns the types this version of Conduit knows, in the spec's order. */
  public static List<WebhookEventType> knownValues() {
    return KNOWN;
  }

  /** Returns true if this is one of the {@linkplain #knownValues() known} types. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }
}
