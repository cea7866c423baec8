package dev.conduit.json.moshi.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code Object}, {@code Map<String, Object>} and {@code List<Object>} to the JSON tree form
 * (Long/Double numbers, LinkedHashMap, ArrayList) instead of Moshi's defaults, which turn every number
 * into a Double. Writing goes through the codec's encoding {@link TreeWriter}, so a map may hold
 * records and other bound types.
 */
public final class TreeJsonAdapter extends JsonAdapter<@Nullable Object> {
  private final TreeKind kind;
  private final TreeWriter writer;

  public TreeJsonAdapter(TreeKind kind, TreeWriter writer) {
    this.kind = kind;
    this.writer = writer;
  }

  /** Returns a factory that offers this adapter for every tree type without qualifier annotations. */
  public static JsonAdapter.Factory factory(TreeWriter writer) {
    TreeJsonAdapter any = new TreeJsonAdapter(TreeKind.ANY, writer);
    TreeJsonAdapter object = new TreeJsonAdapter(TreeKind.OBJECT, writer);
    TreeJsonAdapter array = new TreeJsonAdapter(TreeKind.ARRAY, writer);
    return new JsonAdapter.Factory() {
      @Override
      public @Nullable JsonAdapter<?> create(
          Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty()) return null;
        TreeKind kind = TreeKind.of(type);
        if (kind == null) return null;
        return switch (kind) {
          case ANY -> any;
          case OBJECT -> object;
          case ARRAY -> array;
        };
      }

      @Override
      public String toString() {
        return "Conduit JSON tree adapter factory";
      }
    };
  }

  @Override
  public @Nullable Object fromJson(JsonReader reader) throws IOException {
    return TreeReader.read(reader, kind);
  }

  @Override
  public void toJson(JsonWriter out, @Nullable Object value) throws IOException {
    writer.write(out, value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(tree " + kind + ")";
  }
}
