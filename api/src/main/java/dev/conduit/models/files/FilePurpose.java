package dev.conduit.models.files;

import dev.conduit.models.OpenEnum;
import java.util.Map;

/**
 * What an uploaded file is for. Only some purposes can be chosen on upload; the others mark files the
 * API produced. Values added later decode to new instances.
 */
public final class FilePurpose extends OpenEnum {
  /** Input to the Assistants API. */
  public static final FilePurpose ASSISTANTS = new FilePurpose("assistants");
  /** Output of the Assistants API. */
  public static final FilePurpose ASSISTANTS_OUTPUT = new FilePurpose("assistants_output");
  /** Input of the Batch API, a JSONL file. */
  public static final FilePurpose BATCH = new FilePurpose("batch");
  /** Output of the Batch API. */
  public static final FilePurpose BATCH_OUTPUT = new FilePurpose("batch_output");
  /** Training or validation data for fine-tuning. */
  public static final FilePurpose FINE_TUNE = new FilePurpose("fine-tune");
  /** Results of a fine-tuning job. */
  public static final FilePurpose FINE_TUNE_RESULTS = new FilePurpose("fine-tune-results");
  /** Images for vision fine-tuning. */
  public static final FilePurpose VISION = new FilePurpose("vision");
  /** A flexible purpose for any user data, e.g. model inputs. */
  public static final FilePurpose USER_DATA = new FilePurpose("user_data");
  /** Data sets for evals. */
  public static final FilePurpose EVALS = new FilePurpose("evals");

  private static final Map<String, FilePurpose> KNOWN =
      Map.of(
          ASSISTANTS.value(), ASSISTANTS,
          ASSISTANTS_OUTPUT.value(), ASSISTANTS_OUTPUT,
          BATCH.value(), BATCH,
          BATCH_OUTPUT.value(), BATCH_OUTPUT,
          FINE_TUNE.value(), FINE_TUNE,
          FINE_TUNE_RESULTS.value(), FINE_TUNE_RESULTS,
          VISION.value(), VISION,
          USER_DATA.value(), USER_DATA,
          EVALS.value(), EVALS);

  private FilePurpose(String value) {
    super(value);
  }

  /** Returns the constant for {@code value}, or a new instance if this version does not know it. */
  public static FilePurpose of(String value) {
    FilePurpose known = KNOWN.get(value);
    return known != null ? known : new FilePurpose(value);
  }
}
