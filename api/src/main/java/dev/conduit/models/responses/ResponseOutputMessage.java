package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A message the model wrote, made of {@linkplain ResponseOutputContent.OutputText text} and refusal parts. */
public final class ResponseOutputMessage extends ResponseOutputItem {
  private ResponseOutputMessage(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static ResponseOutputMessage fromJson(Map<String, @Nullable Object> json) {
    return new ResponseOutputMessage(Json.freezeMap(json));
  }

  /** Returns a new builder of a completed assistant message. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this message. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the message. */
  public String id() {
    return string("id");
  }

  /** Returns the role, always {@code assistant}. */
  public String role() {
    return string("role");
  }

  /** Returns the status: {@code in_progress}, {@code completed} or {@code incomplete}. */
  public String status() {
    return string("status");
  }

  /** Returns the content parts. */
  public List<ResponseOutputContent> content() {
    return objectList("content", ResponseOutputContent::fromJson);
  }

  /** Returns the text of all {@code output_text} parts, concatenated; "" if there are none. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    appendText(sb);
    return sb.toString();
  }

  void appendText(StringBuilder sb) {
    for (ResponseOutputContent part : content()) {
      if (part instanceof ResponseOutputContent.OutputText) {
        sb.append(((ResponseOutputContent.OutputText) part).text());
      }
    }
  }

  /** A builder of {@link ResponseOutputMessage}. */
  public static final class Builder extends JsonModel.Builder<Builder, ResponseOutputMessage> {
    private Builder() {
      set("type", "message");
      set("role", "assistant");
      set("status", "completed");
      set("content", List.of());
    }

    private Builder(ResponseOutputMessage from) {
      super(from);
    }

    /** Sets the id. */
    public Builder id(String id) {
      return set("id", id);
    }

    /** Sets the status; the default is {@code completed}. */
    public Builder status(String status) {
      return set("status", status);
    }

    /** Replaces the content parts. */
    public Builder content(List<ResponseOutputContent> content) {
      return set("content", content);
    }

    /** Appends a content part. */
    public Builder addContent(ResponseOutputContent part) {
      return append("content", part);
    }

    /** Returns the immutable {@link ResponseOutputMessage}. */
    @Override
    public ResponseOutputMessage build() {
      return new ResponseOutputMessage(frozenJson());
    }
  }
}
