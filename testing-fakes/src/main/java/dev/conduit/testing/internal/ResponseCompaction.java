package dev.conduit.testing.internal;

import static dev.conduit.testing.internal.Params.Type.OBJECT;
import static dev.conduit.testing.internal.Params.Type.STRING;
import static dev.conduit.testing.internal.Params.Type.STRING_OR_ARRAY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/responses/compact} and the compaction items it makes.
 *
 * <p>The fake compacts without loss. The output keeps the user messages of the context as they were and
 * ends with one {@code compaction} item whose {@code encrypted_content} seals the whole context, in
 * order: {@code "gAAAAAB"} and the URL-safe base64 of a 16-byte digest followed by the JSON
 * {@code {"items":[...]}}. A request that sends the item back as input reads that context in its
 * place, with the kept user messages before it (matched by id) read once; content that does not
 * unseal is refused as the real API refuses it, with a 400 {@code invalid_encrypted_content}.
 */
final class ResponseCompaction {
  private static final String PREFIX = "gAAAAAB";
  private static final int DIGEST_BYTES = 16;
  private static final byte[] KEY = "conduit-fake-openai/compaction/v1".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, Params.Type> KNOWN = Map.of("model", STRING, "input", STRING_OR_ARRAY,
      "previous_response_id", STRING, "instructions", STRING, "prompt_cache_key", STRING, "prompt_cache_retention", STRING,
      "prompt_cache_options", OBJECT, "service_tier", STRING);

  private final FakeCore core;

  ResponseCompaction(FakeCore core) {
    this.core = core;
  }

  /** Answers {@code POST /v1/responses/compact}; the compacted object is not stored. */
  Reply compact(IncomingRequest req) {
    Map<String, @Nullable Object> body = Params.body(req, core.codec());
    Params.check(body, KNOWN, "model");
    ModelsRoutes.require(core.store(), (String) body.get("model"), 400);
    ResponseContext context = ResponseContext.read(core, body, true);
    List<Map<String, @Nullable Object>> output = new ArrayList<>();
    List<Map<String, @Nullable Object>> folded = new ArrayList<>();
    for (Map<String, @Nullable Object> item : context.items()) {
      boolean user = "message".equals(Json.strAt(item, "type")) && "user".equals(Json.strAt(item, "role"));
      (user ? output : folded).add(Json.copyObj(item));
    }
    output.add(Json.obj("id", core.ids().compaction(), "type", "compaction", "encrypted_content",
        seal(context.items(), core.codec())));
    long written = 0;
    for (DeterministicModel.Turn t : ResponseInput.turns(folded)) {
      written += Tokens.count(t.text());
    }
    long read = ResponseContext.inputTokens(context.turns(body.get("instructions")), List.of(), core.codec());
    Map<String, @Nullable Object> compacted = Json.obj("id", core.ids().response(), "object", "response.compaction",
        "created_at", core.now(), "output", output, "usage", ResponseRenderer.usage(read, written, 0));
    return Reply.json(200, core.codec().write(compacted));
  }

  /**
   * Returns {@code items} with each compaction item replaced by the items it seals; an item before it
   * that it seals too (a kept user message, by id) is dropped so that it is read once. Items from
   * index {@code inputFrom} on are the request's {@code input}, which errors name.
   */
  static List<Map<String, @Nullable Object>> expand(List<Map<String, @Nullable Object>> items, int inputFrom,
      Codec codec) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Map<String, @Nullable Object> item = items.get(i);
      if (!"compaction".equals(Json.strAt(item, "type"))) {
        out.add(item);
        continue;
      }
      List<Map<String, @Nullable Object>> sealed = open(item, i >= inputFrom ? "input[" + (i - inputFrom) + "]" : "input",
          codec);
      Set<String> ids = new HashSet<>();
      for (Map<String, @Nullable Object> s : sealed) {
        String id = Json.strAt(s, "id");
        if (id != null) {
          ids.add(id);
        }
      }
      out.removeIf(o -> ids.contains(Json.strAt(o, "id")));
      out.addAll(sealed);
    }
    return out;
  }

  private static List<Map<String, @Nullable Object>> open(Map<String, @Nullable Object> item, String at, Codec codec) {
    Object content = item.get("encrypted_content");
    if (content == null) {
      throw ApiError.missing(at + ".encrypted_content");
    }
    if (!(content instanceof String)) {
      throw ApiError.invalidType(at + ".encrypted_content", "a string", content);
    }
    String token = (String) content;
    List<Map<String, @Nullable Object>> items = unseal(token, codec);
    if (items == null) {
      String shown = token.length() <= 8 ? token : token.substring(0, 4) + "..." + token.substring(token.length() - 4);
      throw ApiError.invalid("The encrypted content " + shown + " could not be verified.", null,
          "invalid_encrypted_content");
    }
    return items;
  }

  /** Returns the encrypted content that stands for {@code items}. */
  static String seal(List<Map<String, @Nullable Object>> items, Codec codec) {
    byte[] json = codec.write(Json.obj("items", items));
    byte[] sealed = Arrays.copyOf(digest(json), DIGEST_BYTES + json.length);
    System.arraycopy(json, 0, sealed, DIGEST_BYTES, json.length);
    return PREFIX + Base64.getUrlEncoder().encodeToString(sealed);
  }

  /** Returns the items {@code token} stands for, or null if it was not made by {@link #seal} or was altered. */
  static @Nullable List<Map<String, @Nullable Object>> unseal(String token, Codec codec) {
    if (!token.startsWith(PREFIX)) {
      return null;
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (raw.length < DIGEST_BYTES) {
      return null;
    }
    byte[] json = Arrays.copyOfRange(raw, DIGEST_BYTES, raw.length);
    if (!MessageDigest.isEqual(digest(json), Arrays.copyOf(raw, DIGEST_BYTES))) {
      return null;
    }
    Object tree = codec.readOr(new String(json, StandardCharsets.UTF_8), null);
    List<@Nullable Object> items = tree instanceof Map ? Json.listAt(Params.object(tree, "encrypted_content"), "items") : null;
    if (items == null || Json.objects(items).size() != items.size()) {
      return null;
    }
    return Json.objects(items);
  }

  private static byte[] digest(byte[] json) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(KEY);
      return Arrays.copyOf(sha.digest(json), DIGEST_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
