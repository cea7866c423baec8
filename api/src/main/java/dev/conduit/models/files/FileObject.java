package dev.conduit.models.files;

import dev.conduit.internal.json.Json;
import dev.conduit.models.JsonModel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A file uploaded to the API (the {@code file} object), as returned by the {@code /files} endpoints. */
public final class FileObject extends JsonModel {
  private FileObject(Map<String, @Nullable Object> json) {
    super(json);
  }

  /** Returns a view of {@code json}, a JSON tree owned by the caller; it is frozen, not copied. */
  public static FileObject fromJson(Map<String, @Nullable Object> json) {
    return new FileObject(Json.freezeMap(json));
  }

  /** Returns a new builder, mainly for tests and fakes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of this file object. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the file id, e.g. {@code "file-abc123"}, used to refer to the file in other endpoints. */
  public String id() {
    return string("id");
  }

  /** Returns the object type, always {@code "file"}. */
  public String object() {
    return string("object");
  }

  /** Returns the size of the file in bytes. */
  public long bytes() {
    return longValue("bytes");
  }

  /** Returns when the file was created, in Unix seconds. */
  public long createdAt() {
    return longValue("created_at");
  }

  /** Returns when the file expires, in Unix seconds, or null if it does not expire. */
  public @Nullable Long expiresAt() {
    return longOrNull("expires_at");
  }

  /** Returns the name of the file. */
  public String filename() {
    return string("filename");
  }

  /** Returns the purpose of the file. */
  public FilePurpose purpose() {
    return enumValue("purpose", FilePurpose::of);
  }

  /**
   * Returns the processing status ({@code uploaded}, {@code processed} or {@code error}), or null if
   * not sent. Deprecated by the API.
   */
  public @Nullable String status() {
    return stringOrNull("status");
  }

  /** Returns details of a failed validation, or null. Deprecated by the API. */
  public @Nullable String statusDetails() {
    return stringOrNull("status_details");
  }

  /** A builder of {@link FileObject}. */
  public static final class Builder extends JsonModel.Builder<Builder, FileObject> {
    private Builder() {
      set("object", "file");
    }

    private Builder(FileObject from) {
      super(from);
    }

    /** Sets the id. */
    public Builder id(String id) {
      return set("id", id);
    }

    /** Sets the size in bytes. */
    public Builder bytes(long bytes) {
      return set("bytes", bytes);
    }

    /** Sets the creation time in Unix seconds. */
    public Builder createdAt(long createdAt) {
      return set("created_at", createdAt);
    }

    /** Sets the expiry time in Unix seconds. */
    public Builder expiresAt(long expiresAt) {
      return set("expires_at", expiresAt);
    }

    /** Sets the filename. */
    public Builder filename(String filename) {
      return set("filename", filename);
    }

    /** Sets the purpose. */
    public Builder purpose(FilePurpose purpose) {
      return set("purpose", purpose);
    }

    /** Sets the status; null removes it. */
    public Builder status(@Nullable String status) {
      return set("status", status);
    }

    /** Returns the file object. */
    @Override
    public FileObject build() {
      return new FileObject(frozenJson());
    }
  }
}
