package dev.conduit.models.responses;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call: a {@link FunctionTool} of your own code, or a built-in tool such as
 * {@link WebSearchTool} or {@link FileSearchTool}. A tool this version does not know decodes to
 * {@link Unknown}; to send one, build it with {@link #fromJson(Map)}.
 */
public abstract sealed class Tool extends JsonModel permits FunctionTool, WebSearchTool, FileSearchTool, Tool.Unknown {
  Tool(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns the variant for {@code json} by its {@code type}; never fails, an unknown type gives {@link Unknown}. */
  public static Tool fromJson(Map<String, @Nullable Object> json) {
    Map<String, @Nullable Object> frozen = Json.freezeMap(json);
    String type = Unions.typeOf(frozen);
    if (type.equals("function")) {
      return FunctionTool.fromJson(frozen);
    }
    if (type.equals("file_search")) {
      return FileSearchTool.fromJson(frozen);
    }
    if (type.startsWith("web_search")) {
      return WebSearchTool.fromJson(frozen);
    }
    return new Unknown(frozen);
  }

  /** Returns the {@code type} discriminator, e.g. {@code "function"}; "" if the JSON had none. */
  public String type() {
    return Unions.typeOf(toJson());
  }

  /** A tool this version of Conduit does not know; its JSON is kept whole and sent back unchanged. */
  public static final class Unknown extends Tool {
    private Unknown(Map<String, @Nullable Object> json) {
      super(json);
    }
  }
}
