package dev.conduit.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fake's state: models, stored responses, stored chat completions, files, uploads, batches, vector
 * stores and conversations, each kept in creation order. Not thread-safe by itself: {@link FakeCore} routes
 * every request while holding this object's monitor.
 */
public final class Store {
  /** A stored response with what chaining, input-item listing and background polling need. */
  public static final class StoredResponse {
    /** The object as the API currently shows it. */
    public Map<String, @Nullable Object> current;
    /** The object once finished (differs from {@link #current} while a background response runs). */
    public Map<String, @Nullable Object> finished;
    /** The input items of this request alone, with ids, oldest first. */
    public final List<Map<String, @Nullable Object>> inputItems;
    /** The whole conversation up to and including this response's output, for {@code previous_response_id}. */
    public final List<Map<String, @Nullable Object>> context;
    /** The streaming events of this response, for replaying a background response. */
    public final List<Map<String, @Nullable Object>> events;

    public StoredResponse(Map<String, @Nullable Object> current, Map<String, @Nullable Object> finished,
        List<Map<String, @Nullable Object>> inputItems, List<Map<String, @Nullable Object>> context,
        List<Map<String, @Nullable Object>> events) {
      this.current = current;
      this.finished = finished;
      this.inputItems = inputItems;
      this.context = context;
      this.events = events;
    }
  }

  /** A stored chat completion and the messages of its request. */
  public static final class StoredChat {
    public final Map<String, @Nullable Object> completion;
    public final List<Map<String, @Nullable Object>> messages;
    public Map<String, @Nullable Object> metadata;

    public StoredChat(Map<String, @Nullable Object> completion, List<Map<String, @Nullable Object>> messages,
        Map<String, @Nullable Object> metadata) {
      this.completion = completion;
      this.messages = messages;
      this.metadata = metadata;
    }

    /** Returns the completion as the stored-completions endpoints show it. */
    public Map<String, @Nullable Object> view() {
      Map<String, @Nullable Object> v = Json.copyObj(completion);
      v.put("metadata", Json.copy(metadata));
      return v;
    }
  }

  /** An uploaded file. */
  public record StoredFile(Map<String, @Nullable Object> object, byte[] content) {}

  /** A conversation: its object fields and its items, oldest first, by id. */
  public static final class StoredConversation {
    public final String id;
    public final long createdAt;
    public Map<String, @Nullable Object> metadata;
    public final Map<String, Map<String, @Nullable Object>> items = new LinkedHashMap<>();

    public StoredConversation(String id, long createdAt, Map<String, @Nullable Object> metadata) {
      this.id = id;
      this.createdAt = createdAt;
      this.metadata = metadata;
    }

    /** Appends copies of items (input or output alike), giving an id to any that has none; returns the copies. */
    public List<Map<String, @Nullable Object>> append(List<Map<String, @Nullable Object>> added, Ids ids) {
      List<Map<String, @Nullable Object>> out = new ArrayList<>();
      for (Map<String, @Nullable Object> item : added) {
        Map<String, @Nullable Object> copy = Json.copyObj(item);
        String id = Json.strAt(copy, "id");
        if (id == null) {
          id = ids.item();
          copy.put("id", id);
        }
        items.put(id, copy);
        out.add(copy);
      }
      return out;
    }

    /** Returns the conversation object. */
    public Map<String, @Nullable Object> view() {
      return Json.obj("id", id, "object", "conversation", "created_at", createdAt, "metadata", Json.copy(metadata));
    }
  }

  private static final Object[][] DEFAULT_MODELS = {
    {"gpt-5", 1754425777L, "system"},
    {"gpt-5-mini", 1754425928L, "system"},
    {"gpt-5-nano", 1754426384L, "system"},
    {"gpt-4.1", 1744316542L, "system"},
    {"gpt-4.1-mini", 1744318173L, "system"},
    {"gpt-4.1-nano", 1744321707L, "system"},
    {"gpt-4o", 1715367049L, "system"},
    {"gpt-4o-mini", 1721172741L, "system"},
    {"o3", 1744225308L, "system"},
    {"o4-mini", 1744225351L, "system"},
    {"text-embedding-3-small", 1705948997L, "system"},
    {"text-embedding-3-large", 1705953180L, "system"},
    {"text-embedding-ada-002", 1671217299L, "openai-internal"},
  };

  public final Map<String, Map<String, @Nullable Object>> models = new LinkedHashMap<>();
  public final Map<String, StoredResponse> responses = new LinkedHashMap<>();
  public final Map<String, StoredChat> chats = new LinkedHashMap<>();
  public final Map<String, StoredFile> files = new LinkedHashMap<>();
  public final Map<String, StoredUpload> uploads = new LinkedHashMap<>();
  public final Map<String, StoredBatch> batches = new LinkedHashMap<>();
  public final Map<String, VectorStoreState> vectorStores = new LinkedHashMap<>();
  public final Map<String, StoredConversation> conversations = new LinkedHashMap<>();
  private final List<String> extraModels = new ArrayList<>();

  public Store() {
    reset();
  }

  /** Forgets everything but the models (the defaults and those added). */
  public void reset() {
    responses.clear();
    chats.clear();
    files.clear();
    uploads.clear();
    batches.clear();
    vectorStores.clear();
    conversations.clear();
    models.clear();
    for (Object[] m : DEFAULT_MODELS) {
      models.put((String) m[0], Json.obj("id", m[0], "object", "model", "created", m[1], "owned_by", m[2]));
    }
    for (String id : extraModels) {
      models.put(id, model(id));
    }
  }

  /** Adds a model that survives {@link #reset()}. */
  public void addModel(String id) {
    if (!extraModels.contains(id)) {
      extraModels.add(id);
    }
    models.put(id, model(id));
  }

  private static Map<String, @Nullable Object> model(String id) {
    return Json.obj("id", id, "object", "model", "created", 1735689600L, "owned_by", "user-fake");
  }

  /** Returns true for the models whose responses carry reasoning settings. */
  public static boolean isReasoningModel(String model) {
    return model.startsWith("gpt-5") || model.startsWith("o1") || model.startsWith("o3") || model.startsWith("o4");
  }
}
