package dev.conduit.internal.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AzureRoutingTest {
  private static final String ENDPOINT = "https://my-resource.openai.azure.com";

  @Test
  void deploymentScopedPathsGoUnderTheRequestsModel() {
    AzureRouting r = AzureRouting.deployments(ENDPOINT, "2024-10-21");
    assertThat(r.baseUrl()).hasToString(ENDPOINT + "/openai");
    assertThat(r.apiVersion()).isEqualTo("2024-10-21");
    assertThat(r.route("chat/completions", "gpt-4o")).isEqualTo("deployments/gpt-4o/chat/completions");
    assertThat(r.route("completions", "davinci")).isEqualTo("deployments/davinci/completions");
    assertThat(r.route("embeddings", "emb")).isEqualTo("deployments/emb/embeddings");
    for (String p : new String[] {"audio/transcriptions", "audio/translations", "audio/speech", "images/generations", "images/edits"}) {
      assertThat(r.route(p, "d")).isEqualTo("deployments/d/" + p);
    }
  }

  @Test
  void otherPathsStayUnderOpenai() {
    AzureRouting r = AzureRouting.deployments(ENDPOINT, "2024-10-21").withDeployment("fixed");
    for (String p : new String[] {"files", "models", "responses", "chat/completions/chatcmpl-1", "chat/completions/chatcmpl-1/messages",
        "batches", "files/file-1/content", "images/variations"}) {
      assertThat(r.route(p, "gpt-4o")).as(p).isEqualTo(p);
    }
  }

  @Test
  void aConfiguredDeploymentWinsOverTheModel() {
    AzureRouting r = AzureRouting.deployments(ENDPOINT, "2024-10-21").withDeployment("prod-gpt");
    assertThat(r.deployment()).isEqualTo("prod-gpt");
    assertThat(r.route("chat/completions", "gpt-4o")).isEqualTo("deployments/prod-gpt/chat/completions");
    assertThat(r.route("embeddings", null)).isEqualTo("deployments/prod-gpt/embeddings");
    assertThat(r.withDeployment(null).route("embeddings", "m")).isEqualTo("deployments/m/embeddings");
  }

  @Test
  void withoutDeploymentOrModelThePathIsLeftAlone() {
    AzureRouting r = AzureRouting.deployments(ENDPOINT, "2024-10-21");
    assertThat(r.route("chat/completions", null)).isEqualTo("chat/completions");
    assertThat(r.route("chat/completions", " ")).isEqualTo("chat/completions");
  }

  @Test
  void deploymentNamesAreOnePercentEncodedSegment() {
    AzureRouting r = AzureRouting.deployments(ENDPOINT, "2024-10-21");
    assertThat(r.route("chat/completions", "a b/c?d")).isEqualTo("deployments/a%20b%2Fc%3Fd/chat/completions");
  }

  @Test
  void theV1SurfaceSendsPathsAsTheyAre() {
    AzureRouting r = AzureRouting.v1(ENDPOINT);
    assertThat(r.baseUrl()).hasToString(ENDPOINT + "/openai/v1");
    assertThat(r.apiVersion()).isNull();
    assertThat(r.route("chat/completions", "gpt-4o")).isEqualTo("chat/completions");
    assertThat(r.route("embeddings", "e")).isEqualTo("embeddings");
    assertThatThrownBy(() -> r.withDeployment("d"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("azure(endpoint, apiVersion)");
  }

  @Test
  void endpointsAreNormalized() {
    assertThat(AzureRouting.normalize(ENDPOINT + "/")).hasToString(ENDPOINT);
    assertThat(AzureRouting.normalize(ENDPOINT + "/openai")).hasToString(ENDPOINT);
    assertThat(AzureRouting.normalize(ENDPOINT + "/openai/")).hasToString(ENDPOINT);
    assertThat(AzureRouting.normalize(ENDPOINT + "/openai/v1/")).hasToString(ENDPOINT);
    assertThat(AzureRouting.normalize(" http://127.0.0.1:8080/proxy/ ")).hasToString("http://127.0.0.1:8080/proxy");
    assertThat(AzureRouting.v1(ENDPOINT + "/openai/v1").baseUrl()).hasToString(ENDPOINT + "/openai/v1");
  }

  @Test
  void badEndpointsAndVersionsAreRejected() {
    for (String bad : new String[] {"my-resource.openai.azure.com", "ftp://x.openai.azure.com", "https://", "https://x.com/?a=b", "http://[x"}) {
      assertThatThrownBy(() -> AzureRouting.v1(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Azure endpoint");
    }
    assertThatThrownBy(() -> AzureRouting.deployments(ENDPOINT, " ")).isInstanceOf(IllegalArgumentException.class).hasMessage("apiVersion is blank");
    assertThatThrownBy(() -> AzureRouting.deployments(ENDPOINT, "v").withDeployment(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("deployment is blank");
  }

  @Test
  void toStringNamesTheSurface() {
    assertThat(AzureRouting.v1(ENDPOINT)).hasToString("azure(" + ENDPOINT + ", v1)");
    assertThat(AzureRouting.deployments(ENDPOINT, "2024-10-21").withDeployment("d"))
        .hasToString("azure(" + ENDPOINT + ", api-version=2024-10-21, deployment=d)");
  }
}
