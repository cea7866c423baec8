package dev.conduit.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.Headers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpLogTest {
  private final HttpLog log = new HttpLog("sk-secret-key");

  @Test
  void credentialHeadersAreMasked() {
    String s = log.headers(Headers.of("Authorization", "Bearer sk-secret-key", "api-key", "abc", "Cookie", "a=b", "X-Other", "fine",
        "X-Echo", "sk-secret-key"));
    assertThat(s).contains("authorization=***", "api-key=***", "cookie=***", "x-other=fine", "x-echo=***")
        .doesNotContain("sk-secret-key", "abc", "a=b");
  }

  @Test
  void secretJsonFieldsAndTheKeyAreMaskedInBodies() {
    String body = log.body("{\"model\":\"gpt-5\",\"api_key\":\"k1\",\"client_secret\":\"s\\\"x\",\"password\":\"p\",\"text\":\"my key is sk-secret-key\"}"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(body).contains("\"model\":\"gpt-5\"", "\"api_key\":\"***\"", "\"client_secret\":\"***\"", "\"password\":\"***\"", "my key is ***")
        .doesNotContain("k1", "s\\\"x", "sk-secret-key");
  }

  @Test
  void scrubBytesReplacesTheKey() {
    byte[] out = log.scrub("{\"error\":\"bad key sk-secret-key\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"bad key ***\"}");
  }

  @Test
  void longBodiesAreCut() {
    byte[] big = new byte[100_000];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThat(log.body(big)).endsWith("(100000 bytes)").hasSizeLessThan(20_000);
  }
}
