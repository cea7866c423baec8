package dev.conduit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.conduit.testing.support.Trees;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vector store search: lexical ranking, result shape, limits, thresholds and attribute filters. */
public abstract class VectorStoreSearchContract extends FakeContract {
  static final String BAGUETTE = "La baguette est un pain long et fin, symbole de la boulangerie française.";

  private String vs;
  private String kiwi;
  private String rust;
  private String baguette;

  @BeforeEach
  void threeFiles() throws IOException {
    kiwi = uploadText("kiwi.txt", VectorStoresContract.KIWI);
    rust = uploadText("rust.txt", VectorStoresContract.RUST);
    baguette = uploadText("baguette.txt", BAGUETTE);
    vs = (String) postOk("/v1/vector_stores", "{\"name\":\"search\"}").get("id");
    postOk("/v1/vector_stores/" + vs + "/file_batches", "{\"files\":["
        + "{\"file_id\":\"" + kiwi + "\",\"attributes\":{\"lang\":\"en\",\"year\":2021,\"topic\":\"fruit\"}},"
        + "{\"file_id\":\"" + rust + "\",\"attributes\":{\"lang\":\"en\",\"year\":2015,\"topic\":\"code\"}},"
        + "{\"file_id\":\"" + baguette + "\",\"attributes\":{\"lang\":\"fr\",\"year\":2019.0,\"topic\":\"food\"}}]}");
  }

  private Map<String, Object> search(String json) throws IOException {
    return postOk("/v1/vector_stores/" + vs + "/search", json);
  }

  private List<Map<String, Object>> results(String json) throws IOException {
    return Trees.at(search(json), "data");
  }

  private List<Object> fileIds(String json) throws IOException {
    return results(json).stream().map(r -> r.get("file_id")).collect(Collectors.toList());
  }

  private List<Object> filtered(String filter) throws IOException {
    return fileIds("{\"query\":\"kiwi rust baguette\",\"filters\":" + filter + "}");
  }

  @Test
  void ranksTheFileWithTheQueryWordsFirstInTheRealShape() throws Exception {
    Map<String, Object> page = search("{\"query\":\"Memory safety in programming\"}");
    assertThat(page).containsOnlyKeys("object", "search_query", "data", "has_more", "next_page")
        .containsEntry("object", "vector_store.search_results.page").containsEntry("has_more", false)
        .containsEntry("next_page", null).containsEntry("search_query", List.of("Memory safety in programming"));
    List<Map<String, Object>> data = Trees.at(page, "data");
    assertThat(data).extracting(r -> r.get("file_id")).containsExactly(rust, kiwi); // kiwi shares only "in"
    Map<String, Object> best = data.get(0);
    assertThat(best).containsOnlyKeys("file_id", "filename", "score", "attributes", "content")
        .containsEntry("filename", "rust.txt")
        .containsEntry("attributes", Map.of("lang", "en", "year", 2015L, "topic", "code"))
        .containsEntry("content", List.of(Map.of("type", "text", "text", VectorStoresContract.RUST)));
    double first = (Double) best.get("score");
    double second = (Double) data.get(1).get("score");
    assertThat(first).isGreaterThan(second).isLessThanOrEqualTo(1.0);
    assertThat(second).isGreaterThan(0.0);

    assertThat(Trees.<Double>at(results("{\"query\":\"" + VectorStoresContract.KIWI + "\"}"), 0, "score"))
        .isCloseTo(1.0, within(1e-9));
    assertThat(results("{\"query\":\"zebra\"}")).isEmpty();
    assertThat(search("{\"query\":\"zebra\"}")).containsEntry("data", List.of());
  }

  @Test
  void honoursMaxNumResultsAndScoreThreshold() throws Exception {
    assertThat(fileIds("{\"query\":\"kiwi rust baguette\"}")).containsExactlyInAnyOrder(kiwi, rust, baguette);
    assertThat(fileIds("{\"query\":\"kiwi rust baguette\",\"max_num_results\":2}")).hasSize(2);
    assertThat(fileIds("{\"query\":\"Memory safety in programming\",\"max_num_results\":1}")).containsExactly(rust);
    double second = Trees.at(results("{\"query\":\"Memory safety in programming\"}"), 1, "score");
    assertThat(fileIds("{\"query\":\"Memory safety in programming\",\"ranking_options\":{\"ranker\":\"auto\","
        + "\"score_threshold\":" + (second + 0.01) + "}}")).containsExactly(rust);
    assertThat(error(post("/v1/vector_stores/" + vs + "/search", "{\"query\":\"x\",\"max_num_results\":51}"), 400))
        .containsEntry("param", "max_num_results").containsEntry("code", "integer_above_max_value");
    assertThat(error(post("/v1/vector_stores/" + vs + "/search", "{\"query\":\"x\",\"ranking_options\":"
        + "{\"score_threshold\":1.5}}"), 400)).containsEntry("param", "ranking_options.score_threshold");
    assertThat(error(post("/v1/vector_stores/" + vs + "/search", "{}"), 400))
        .containsEntry("param", "query").containsEntry("code", "missing_required_parameter");
    assertThat(error(post("/v1/vector_stores/" + vs + "/search", "{\"query\":[]}"), 400)).containsEntry("code", "empty_array");
  }

  @Test
  void filtersOnAttributesWithComparisonsAndCompounds() throws Exception {
    assertThat(filtered("{\"type\":\"eq\",\"key\":\"topic\",\"value\":\"fruit\"}")).containsExactly(kiwi);
    assertThat(filtered("{\"type\":\"ne\",\"key\":\"lang\",\"value\":\"en\"}")).containsExactly(baguette);
    assertThat(filtered("{\"type\":\"eq\",\"key\":\"year\",\"value\":2019}")).containsExactly(baguette);
    assertThat(filtered("{\"type\":\"gt\",\"key\":\"year\",\"value\":2019}")).containsExactly(kiwi);
    assertThat(filtered("{\"type\":\"gte\",\"key\":\"year\",\"value\":2019}")).containsExactlyInAnyOrder(kiwi, baguette);
    assertThat(filtered("{\"type\":\"lt\",\"key\":\"year\",\"value\":2019}")).containsExactly(rust);
    assertThat(filtered("{\"type\":\"lte\",\"key\":\"year\",\"value\":2019}")).containsExactlyInAnyOrder(rust, baguette);
    assertThat(filtered("{\"type\":\"in\",\"key\":\"topic\",\"value\":[\"code\",\"food\"]}"))
        .containsExactlyInAnyOrder(rust, baguette);
    assertThat(filtered("{\"type\":\"nin\",\"key\":\"topic\",\"value\":[\"code\",\"food\"]}")).containsExactly(kiwi);
    assertThat(filtered("{\"type\":\"eq\",\"key\":\"colour\",\"value\":\"red\"}")).isEmpty();
    assertThat(filtered("{\"type\":\"and\",\"filters\":[{\"type\":\"gte\",\"key\":\"year\",\"value\":2016},"
        + "{\"type\":\"eq\",\"key\":\"lang\",\"value\":\"en\"}]}")).containsExactly(kiwi);
    assertThat(filtered("{\"type\":\"or\",\"filters\":[{\"type\":\"eq\",\"key\":\"lang\",\"value\":\"fr\"},"
        + "{\"type\":\"lt\",\"key\":\"year\",\"value\":2016}]}")).containsExactlyInAnyOrder(rust, baguette);
    assertThat(filtered("{\"type\":\"and\",\"filters\":[{\"type\":\"ne\",\"key\":\"topic\",\"value\":\"food\"},"
        + "{\"type\":\"or\",\"filters\":[{\"type\":\"eq\",\"key\":\"year\",\"value\":2015},"
        + "{\"type\":\"eq\",\"key\":\"lang\",\"value\":\"fr\"}]}]}")).containsExactly(rust);

    String at = "/v1/vector_stores/" + vs + "/search";
    assertThat(error(post(at, "{\"query\":\"x\",\"filters\":{\"type\":\"like\",\"key\":\"a\",\"value\":\"b\"}}"), 400))
        .containsEntry("param", "filters.type").containsEntry("code", "invalid_value");
    assertThat(error(post(at, "{\"query\":\"x\",\"filters\":{\"type\":\"in\",\"key\":\"a\",\"value\":\"b\"}}"), 400))
        .containsEntry("param", "filters.value");
    assertThat(error(post(at, "{\"query\":\"x\",\"filters\":{\"type\":\"or\",\"filters\":[{\"type\":\"eq\",\"key\":\"a\"}]}}"),
        400)).containsEntry("param", "filters.filters[0].value");
  }

  @Test
  void searchesEachChunkAndEchoesAnArrayQuery() throws Exception {
    String text = IntStream.range(0, 250).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    String words = uploadText("words.txt", text);
    postOk("/v1/vector_stores/" + vs + "/files", "{\"file_id\":\"" + words + "\",\"chunking_strategy\":{\"type\":"
        + "\"static\",\"static\":{\"max_chunk_size_tokens\":100,\"chunk_overlap_tokens\":20}}}");
    List<Map<String, Object>> hits = results("{\"query\":\"w170\"}");
    assertThat(hits).extracting(r -> r.get("file_id")).containsExactly(words, words); // in the overlap of two chunks
    List<String> texts = hits.stream().map(r -> Trees.<String>at(r, "content", 0, "text")).collect(Collectors.toList());
    assertThat(texts).allSatisfy(t -> assertThat(t).contains(" w170 "));
    assertThat(texts).extracting(t -> t.substring(0, t.indexOf(' '))).containsExactlyInAnyOrder("w80", "w160");

    Map<String, Object> page = search("{\"query\":[\"kiwi\",\"ownership\"],\"rewrite_query\":true}");
    assertThat(page).containsEntry("search_query", List.of("kiwi", "ownership"));
    assertThat(Trees.<List<Map<String, Object>>>at(page, "data")).extracting(r -> r.get("file_id"))
        .containsExactlyInAnyOrder(kiwi, rust);
  }
}
