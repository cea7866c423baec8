package dev.conduit.models.responses;

import dev.conduit.models.JsonModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Folds the events of a streamed response into the {@link Response} they describe.
 *
 * <pre>{@code
 * ResponseAccumulator acc = new ResponseAccumulator();
 * for (ResponseStreamEvent e : stream) {
 *   acc.accept(e);
 * }
 * Response done = acc.finalResponse();
 * }</pre>
 *
 * <p>The response is taken from {@code response.created}, {@code queued} or {@code in_progress}.
 * Output items, content parts and summary parts are placed by their {@code output_index},
 * {@code content_index} and {@code summary_index}; text, refusal, function-argument and reasoning
 * deltas are appended to their part, and {@code done} events replace what was accumulated with their
 * final value. A terminal event ({@code completed}, {@code failed}, {@code incomplete}) replaces the
 * response; its output is authoritative when it has any, otherwise the accumulated output is kept
 * under the terminal status, usage and other fields. Lenient providers are tolerated: a delta for an
 * item or part never announced creates it, and a field missing from an event is skipped rather than
 * fatal. {@link ResponseErrorEvent} and unknown events are ignored; reporting them is the stream's
 * job.
 *
 * <p>Deltas are appended in amortized constant time per character; {@link #snapshot()} builds the
 * response in time linear in its size and caches it until the next event. Not thread-safe: feed it
 * from one thread, or guard it.
 */
public final class ResponseAccumulator {
  /** Indices further than this past the end are treated as "append", so bad input cannot allocate much. */
  private static final int MAX_GAP = 1024;

  private @Nullable Map<String, @Nullable Object> base;
  private final List<@Nullable ItemState> items = new ArrayList<>();
  private boolean done;
  private @Nullable Response cached;

  /** Creates an empty accumulator. */
  public ResponseAccumulator() {}

  /** Applies {@code event} to the response being accumulated. */
  public void accept(ResponseStreamEvent event) {
    Objects.requireNonNull(event, "event == null");
    cached = null;
    if (event instanceof ResponseTextDeltaEvent) {
      part(event, "message", "content", "content_index", "output_text").append(str(event, "delta"));
    } else if (event instanceof ResponseLifecycleEvent) {
      lifecycle((ResponseLifecycleEvent) event);
    } else if (event instanceof ResponseOutputItemEvent) {
      Map<String, @Nullable Object> item = map(event.jsonField("item"));
      if (item != null) {
        Object id = item.get("id");
        items.set(slot(index(event, "output_index"), id instanceof String ? (String) id : null), ItemState.of(item));
      }
    } else if (event instanceof ResponseContentPartEvent) {
      setPart(event, "message", "content", "content_index", event.jsonField("part"));
    } else if (event instanceof ResponseTextDoneEvent) {
      part(event, "message", "content", "content_index", "output_text").set(str(event, "text"));
    } else if (event instanceof ResponseOutputTextAnnotationAddedEvent) {
      part(event, "message", "content", "content_index", "output_text")
          .addAnnotation(index(event, "annotation_index"), map(event.jsonField("annotation")));
    } else if (event instanceof ResponseRefusalDeltaEvent) {
      part(event, "message", "content", "content_index", "refusal").append(str(event, "delta"));
    } else if (event instanceof ResponseRefusalDoneEvent) {
      part(event, "message", "content", "content_index", "refusal").set(str(event, "refusal"));
    } else if (event instanceof ResponseFunctionCallArgumentsDeltaEvent) {
      item(event, "function_call").appendArguments(str(event, "delta"));
    } else if (event instanceof ResponseFunctionCallArgumentsDoneEvent) {
      ItemState call = item(event, "function_call");
      call.setArguments(str(event, "arguments"));
      String name = str(event, "name");
      if (name != null && !(call.json.get("name") instanceof String)) {
        call.json.put("name", name);
      }
    } else if (event instanceof ResponseReasoningSummaryPartEvent) {
      setPart(event, "reasoning", "summary", "summary_index", event.jsonField("part"));
    } else if (event instanceof ResponseReasoningSummaryTextDeltaEvent) {
      part(event, "reasoning", "summary", "summary_index", "summary_text").append(str(event, "delta"));
    } else if (event instanceof ResponseReasoningSummaryTextDoneEvent) {
      part(event, "reasoning", "summary", "summary_index", "summary_text").set(str(event, "text"));
    } else if (event instanceof ResponseReasoningTextDeltaEvent) {
      part(event, "reasoning", "content", "content_index", "reasoning_text").append(str(event, "delta"));
    } else if (event instanceof ResponseReasoningTextDoneEvent) {
      part(event, "reasoning", "content", "content_index", "reasoning_text").set(str(event, "text"));
    }
  }

  /**
   * Returns the response as accumulated so far, or null before the first lifecycle event
   * ({@code response.created}, {@code queued}, {@code in_progress} or a terminal one).
   */
  public @Nullable Response snapshot() {
    Map<String, @Nullable Object> b = base;
    if (b == null) {
      return null;
    }
    Response r = cached;
    if (r == null) {
      Map<String, @Nullable Object> json = new LinkedHashMap<>(b);
      if (!items.isEmpty()) {
        List<@Nullable Object> output = new ArrayList<>(items.size());
        for (ItemState item : items) {
          if (item != null) {
            output.add(item.materialize());
          }
        }
        json.put("output", output);
      }
      r = Response.fromJson(json);
      cached = r;
    }
    return r;
  }

  /**
   * Returns the response; after a terminal event it is final, before one it is the snapshot of a
   * stream that ended early.
   *
   * @throws IllegalStateException if no lifecycle event carrying a response was accepted
   */
  public Response finalResponse() {
    Response r = snapshot();
    if (r == null) {
      throw new IllegalStateException("no response.created, in_progress or terminal event was accepted");
    }
    return r;
  }

  /** Returns true once a terminal event ({@code completed}, {@code failed}, {@code incomplete}) was accepted. */
  public boolean isDone() {
    return done;
  }

  private void lifecycle(ResponseLifecycleEvent event) {
    Map<String, @Nullable Object> response = map(event.jsonField("response"));
    if (response == null) {
      return;
    }
    boolean terminal = event.isTerminal();
    done |= terminal;
    base = new LinkedHashMap<>(response);
    Object output = response.get("output");
    if (!(output instanceof List) || ((List<?>) output).isEmpty()) {
      return; // keep what was accumulated
    }
    if (terminal) {
      items.clear(); // the terminal output is authoritative and stays in base
    } else if (items.isEmpty()) {
      // A response that starts with output (e.g. a resumed stream): later events build on it.
      for (Object item : (List<?>) output) {
        Map<String, @Nullable Object> m = map(item);
        items.add(m == null ? null : ItemState.of(m));
      }
    }
  }

  /** Returns the item an event addresses, creating a placeholder of {@code type} if it was never announced. */
  private ItemState item(JsonModel event, String type) {
    String itemId = str(event, "item_id");
    int i = slot(index(event, "output_index"), itemId);
    ItemState item = items.get(i);
    if (item == null) {
      item = ItemState.placeholder(type, itemId);
      items.set(i, item);
    }
    return item;
  }

  /** Returns the list position for an output index, growing the list; by item id when the index is unusable. */
  private int slot(@Nullable Long outputIndex, @Nullable String itemId) {
    if (outputIndex == null || outputIndex < 0 || outputIndex > items.size() + MAX_GAP) {
      if (itemId != null) {
        for (int i = 0; i < items.size(); i++) {
          ItemState item = items.get(i);
          if (item != null && itemId.equals(item.json.get("id"))) {
            return i;
          }
        }
      }
      items.add(null);
      return items.size() - 1;
    }
    int i = outputIndex.intValue();
    while (items.size() <= i) {
      items.add(null);
    }
    return i;
  }

  /** Returns the part an event addresses in list {@code listName} of its item, creating what is missing. */
  private PartState part(JsonModel event, String itemType, String listName, String indexField, String partType) {
    return item(event, itemType).part(listName, index(event, indexField), partType);
  }

  /** Puts the part an event carries in list {@code listName} of its item. */
  private void setPart(JsonModel event, String itemType, String listName, String indexField, @Nullable Object part) {
    Map<String, @Nullable Object> m = map(part);
    if (m != null) {
      item(event, itemType).setPart(listName, index(event, indexField), m);
    }
  }

  private static @Nullable Long index(JsonModel event, String name) {
    Object v = event.jsonField(name);
    if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) {
      return (long) ((Number) v).doubleValue();
    }
    return null;
  }

  private static @Nullable String str(JsonModel event, String name) {
    Object v = event.jsonField(name);
    return v instanceof String ? (String) v : null;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, @Nullable Object> map(@Nullable Object v) {
    return v instanceof Map ? (Map<String, @Nullable Object>) v : null;
  }

  private static int partSlot(List<@Nullable PartState> parts, @Nullable Long index) {
    if (index == null || index < 0 || index > parts.size() + MAX_GAP) {
      parts.add(null);
      return parts.size() - 1;
    }
    int i = index.intValue();
    while (parts.size() <= i) {
      parts.add(null);
    }
    return i;
  }

  /** One output item being accumulated: its fields, and the parts and arguments that grow. */
  private static final class ItemState {
    final Map<String, @Nullable Object> json;
    final Map<String, List<@Nullable PartState>> parts = new LinkedHashMap<>(2);
    @Nullable StringBuilder arguments;

    private ItemState(Map<String, @Nullable Object> json) {
      this.json = json;
    }

    static ItemState of(Map<String, @Nullable Object> item) {
      return new ItemState(new LinkedHashMap<>(item));
    }

    static ItemState placeholder(String type, @Nullable String id) {
      Map<String, @Nullable Object> json = new LinkedHashMap<>();
      if (id != null) {
        json.put("id", id);
      }
      json.put("type", type);
      switch (type) {
        case "message":
          json.put("role", "assistant");
          json.put("status", "in_progress");
          json.put("content", List.of());
          break;
        case "function_call":
          json.put("status", "in_progress");
          json.put("arguments", "");
          break;
        default:
          json.put("summary", List.of());
          break;
      }
      return new ItemState(json);
    }

    /** Returns the parts of list {@code name}, taking them over from the item's JSON on first use. */
    List<@Nullable PartState> parts(String name) {
      List<@Nullable PartState> list = parts.get(name);
      if (list == null) {
        list = new ArrayList<>();
        Object raw = json.get(name);
        if (raw instanceof List) {
          for (Object p : (List<?>) raw) {
            Map<String, @Nullable Object> m = map(p);
            list.add(m == null ? null : PartState.of(m));
          }
        }
        parts.put(name, list);
      }
      return list;
    }

    PartState part(String listName, @Nullable Long index, String type) {
      List<@Nullable PartState> list = parts(listName);
      int i = partSlot(list, index);
      PartState p = list.get(i);
      if (p == null) {
        p = PartState.placeholder(type);
        list.set(i, p);
      }
      return p;
    }

    void setPart(String listName, @Nullable Long index, Map<String, @Nullable Object> part) {
      List<@Nullable PartState> list = parts(listName);
      list.set(partSlot(list, index), PartState.of(part));
    }

    void appendArguments(@Nullable String delta) {
      if (delta == null) {
        return;
      }
      if (arguments == null) {
        Object existing = json.get("arguments");
        arguments = new StringBuilder(existing instanceof String ? (String) existing : "");
      }
      arguments.append(delta);
    }

    void setArguments(@Nullable String value) {
      if (value != null) {
        json.put("arguments", value);
        arguments = null;
      }
    }

    Map<String, @Nullable Object> materialize() {
      Map<String, @Nullable Object> out = new LinkedHashMap<>(json);
      for (Map.Entry<String, List<@Nullable PartState>> e : parts.entrySet()) {
        List<@Nullable Object> list = new ArrayList<>(e.getValue().size());
        for (PartState p : e.getValue()) {
          if (p != null) {
            list.add(p.materialize());
          }
        }
        out.put(e.getKey(), list);
      }
      if (arguments != null) {
        out.put("arguments", arguments.toString());
      }
      return out;
    }
  }

  /** One content or summary part being accumulated; its text grows in a builder. */
  private static final class PartState {
    final Map<String, @Nullable Object> json;
    final String textField;
    @Nullable StringBuilder text;

    private PartState(Map<String, @Nullable Object> json) {
      this.json = json;
      this.textField = "refusal".equals(json.get("type")) ? "refusal" : "text";
    }

    static PartState of(Map<String, @Nullable Object> part) {
      return new PartState(new LinkedHashMap<>(part));
    }

    static PartState placeholder(String type) {
      Map<String, @Nullable Object> json = new LinkedHashMap<>();
      json.put("type", type);
      json.put(type.equals("refusal") ? "refusal" : "text", "");
      if (type.equals("output_text")) {
        json.put("annotations", List.of());
      }
      return new PartState(json);
    }

    void append(@Nullable String delta) {
      if (delta == null) {
        return;
      }
      if (text == null) {
        Object existing = json.get(textField);
        text = new StringBuilder(existing instanceof String ? (String) existing : "");
      }
      text.append(delta);
    }

    void set(@Nullable String value) {
      if (value != null) {
        json.put(textField, value);
        text = null;
      }
    }

    void addAnnotation(@Nullable Long index, @Nullable Map<String, @Nullable Object> annotation) {
      if (annotation == null) {
        return;
      }
      Object existing = json.get("annotations");
      List<@Nullable Object> list = existing instanceof List ? new ArrayList<>((List<?>) existing) : new ArrayList<>();
      if (index != null && index >= 0 && index < list.size()) {
        list.set(index.intValue(), annotation);
      } else {
        list.add(annotation);
      }
      json.put("annotations", Collections.unmodifiableList(list));
    }

    Map<String, @Nullable Object> materialize() {
      Map<String, @Nullable Object> out = new LinkedHashMap<>(json);
      if (text != null) {
        out.put(textField, text.toString());
      }
      return out;
    }
  }
}
