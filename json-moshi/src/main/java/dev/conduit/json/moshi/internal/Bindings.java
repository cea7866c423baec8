package dev.conduit.json.moshi.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.conduit.json.CodecException;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The codec's Moshi, with the tree adapter factory added, and a lock-free cache of adapters by type, so
 * that a call never builds a Moshi, canonicalises a type or reflects on a class once its type is known.
 */
public final class Bindings {
  private final ConcurrentHashMap<Type, JsonAdapter<@Nullable Object>> adapters =
      new ConcurrentHashMap<>();
  private final TreeWriter encodingWriter;
  private final Moshi moshi;

  /**
   * @param builder a builder holding the user's adapters, if any; the tree factory is added after
   *     them and before Moshi's built-in adapters
   */
  public Bindings(Moshi.Builder builder) {
    this.encodingWriter =
        TreeWriter.encoding((writer, value) -> adapterFor(value).toJson(writer, value));
    this.moshi = builder.add(TreeJsonAdapter.factory(encodingWriter)).build();
  }

  public Moshi moshi() {
    return moshi;
  }

  /** The writer of {@code encode}: trees, plus anything Moshi has an adapter for. */
  public TreeWriter encodingWriter() {
    return encodingWriter;
  }

  /**
   * Returns the adapter for {@code type}. A tree type ({@code Object}, {@code Map<String, Object>},
   * {@code List<Object>}) always gets the tree adapter, even if the user's Moshi has an adapter for
   * it.
   *
   * @throws CodecException if Moshi cannot bind the type
   */
  public JsonAdapter<@Nullable Object> adapter(Type type) {
    JsonAdapter<@Nullable Object> adapter = adapters.get(type);
    if (adapter == null) {
      adapter = create(type);
      JsonAdapter<@Nullable Object> raced = adapters.putIfAbsent(type, adapter);
      if (raced != null) adapter = raced;
    }
    return adapter;
  }

  /** Returns the adapter for the runtime class of {@code value} (an enum constant's enum class). */
  public JsonAdapter<@Nullable Object> adapterFor(Object value) {
    Class<?> type = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
    return adapter(type);
  }

  private JsonAdapter<@Nullable Object> create(Type type) {
    TreeKind kind = TreeKind.of(type);
    if (kind != null) return new TreeJsonAdapter(kind, encodingWriter);
    String name = type.getTypeName();
    try {
      return moshi.adapter(type);
    } catch (IllegalArgumentException e) {
      Class<?> raw = Types.getRawType(type);
      if (KotlinClasses.isKotlin(raw)) {
        throw new CodecException(KotlinClasses.message(name, raw.getName()), e);
      }
      String kotlinClass = KotlinClasses.refusedIn(e.getMessage());
      if (kotlinClass != null) throw new CodecException(KotlinClasses.message(name, kotlinClass), e);
      throw new CodecException("Cannot bind " + name + " with Moshi: " + e.getMessage(), e);
    } catch (AssertionError e) {
      // Moshi's record adapter cannot reach a record's constructor or accessors.
      throw new CodecException(
          "Cannot bind " + name + " with Moshi: cannot access the constructor or accessors of a"
              + " record; make the record (and the classes around it) public, and on the module path"
              + " open its package to com.squareup.moshi",
          e.getCause() != null ? e.getCause() : e);
    }
  }
}
