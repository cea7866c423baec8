package dev.conduit.models.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.testutil.TestJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputItemListParamsTest {
  @Test
  void buildsGettersAndQuery() {
    InputItemListParams params = InputItemListParams.builder()
        .after("msg_10")
        .limit(50)
        .order("asc")
        .include(List.of("message.input_image.image_url", "file_search_call.results"))
        .build();

    assertThat(params.after()).isEqualTo("msg_10");
    assertThat(params.limit()).isEqualTo(50L);
    assertThat(params.order()).isEqualTo("asc");
    assertThat(params.include()).containsExactly("message.input_image.image_url", "file_search_call.results");
    assertThat(params.toJson()).isEqualTo(TestJson.parse("""
        {"after": "msg_10", "limit": 50, "order": "asc",
         "include": ["message.input_image.image_url", "file_search_call.results"]}"""));
    assertThat(params.toQuery()).containsExactly(
        Map.entry("after", List.of("msg_10")),
        Map.entry("limit", List.of("50")),
        Map.entry("order", List.of("asc")),
        Map.entry("include[]", List.of("message.input_image.image_url", "file_search_call.results")));
  }

  @Test
  void emptyParamsHaveAnEmptyQuery() {
    InputItemListParams params = InputItemListParams.builder().build();
    assertThat(params.toQuery()).isEmpty();
    assertThat(params.after()).isNull();
    assertThat(params.limit()).isNull();
    assertThat(params.include()).isEmpty();
  }

  @Test
  void limitIsValidated() {
    assertThatThrownBy(() -> InputItemListParams.builder().limit(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit not in [1, 100]: 0");
    assertThatThrownBy(() -> InputItemListParams.builder().limit(101)).isInstanceOf(IllegalArgumentException.class);
  }
}
