package dev.conduit.internal.azure;

import dev.conduit.internal.ClientConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where requests go on an Azure OpenAI resource. Two surfaces exist:
 *
 * <ul>
 *   <li>{@linkplain #v1(String) v1}: {@code {endpoint}/openai/v1/...}, the same paths as OpenAI's,
 *       no {@code api-version}; the deployment is named by the request's {@code model}. Paths are sent
 *       as they are.
 *   <li>{@linkplain #deployments(String, String) versioned}: {@code {endpoint}/openai/...?api-version=...},
 *       where the deployment-scoped operations (chat completions, completions, embeddings, audio,
 *       image generation and edits) go to {@code /openai/deployments/{deployment}/...}. The deployment
 *       is the one configured, else the request's {@code model}, which is what Azure's own SDKs do.
 * </ul>
 *
 * Immutable.
 */
public final class AzureRouting implements ClientConfig.Routing {
  /** The paths that Azure's versioned API serves under {@code deployments/{deployment}/}; exact matches. */
  static final Set<String> DEPLOYMENT_PATHS = Set.of(
      "completions",
      "chat/completions",
      "embeddings",
      "audio/transcriptions",
      "audio/translations",
      "audio/speech",
      "images/generations",
      "images/edits");

  private final URI endpoint;
  private final @Nullable String apiVersion;
  private final @Nullable String deployment;

  private AzureRouting(URI endpoint, @Nullable String apiVersion, @Nullable String deployment) {
    this.endpoint = endpoint;
    this.apiVersion = apiVersion;
    this.deployment = deployment;
  }

  /**
   * Returns the routing of the v1 surface of the resource at {@code endpoint}.
   *
   * @throws IllegalArgumentException if {@code endpoint} is not an absolute http(s) URL
   */
  public static AzureRouting v1(String endpoint) {
    return new AzureRouting(normalize(endpoint), null, null);
  }

  /**
   * Returns the routing of the versioned, deployment-based surface of the resource at {@code endpoint}.
   *
   * @throws IllegalArgumentException if {@code endpoint} is not an absolute http(s) URL or
   *     {@code apiVersion} is blank
   */
  public static AzureRouting deployments(String endpoint, String apiVersion) {
    Objects.requireNonNull(apiVersion, "apiVersion == null");
    if (apiVersion.isBlank()) {
      throw new IllegalArgumentException("apiVersion is blank");
    }
    return new AzureRouting(normalize(endpoint), apiVersion.trim(), null);
  }

  /**
   * Returns a copy that sends deployment-scoped operations to {@code deployment} whatever their
   * {@code model}; null goes back to using the {@code model}.
   *
   * @throws IllegalStateException on the v1 surface, which has no deployments in its paths
   * @throws IllegalArgumentException if {@code deployment} is blank
   */
  public AzureRouting withDeployment(@Nullable String deployment) {
    if (apiVersion == null) {
      throw new IllegalStateException("Azure's v1 surface names the deployment in each request's model; "
          + "a fixed deployment needs the versioned API: azure(endpoint, apiVersion)");
    }
    if (deployment != null && deployment.isBlank()) {
      throw new IllegalArgumentException("deployment is blank");
    }
    return new AzureRouting(endpoint, apiVersion, deployment);
  }

  /** Returns the base URL: {@code {endpoint}/openai/v1} or {@code {endpoint}/openai}. */
  public URI baseUrl() {
    return URI.create(endpoint + (apiVersion == null ? "/openai/v1" : "/openai"));
  }

  /** Returns the {@code api-version} to send, or null on the v1 surface. */
  public @Nullable String apiVersion() {
    return apiVersion;
  }

  /** Returns the configured deployment, or null if the request's {@code model} names it. */
  public @Nullable String deployment() {
    return deployment;
  }

  @Override
  public String route(String path, @Nullable String model) {
    if (apiVersion == null || !DEPLOYMENT_PATHS.contains(path)) {
      return path;
    }
    String target = deployment != null ? deployment : model;
    if (target == null || target.isBlank()) {
      return path; // nothing names a deployment; Azure will answer 404 with its own message
    }
    return "deployments/" + URLEncoder.encode(target, StandardCharsets.UTF_8).replace("+", "%20") + "/" + path;
  }

  /**
   * Checks {@code endpoint} and reduces it to the resource's root: no trailing slash, and a trailing
   * {@code /openai} or {@code /openai/v1} (as copied from Azure's portal) removed.
   */
  static URI normalize(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    URI uri;
    try {
      uri = new URI(endpoint.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Azure endpoint is not a URL: " + endpoint, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("Azure endpoint must be an absolute http(s) URL, e.g. "
          + "https://my-resource.openai.azure.com: " + endpoint);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("Azure endpoint must have no query or fragment: " + endpoint);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    path = stripSlashes(path);
    for (String suffix : new String[] {"/openai/v1", "/openai"}) {
      if (path.toLowerCase(Locale.ROOT).endsWith(suffix)) {
        path = stripSlashes(path.substring(0, path.length() - suffix.length()));
        break;
      }
    }
    String authority = uri.getRawAuthority();
    return URI.create(scheme + "://" + authority + path);
  }

  private static String stripSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  @Override
  public String toString() {
    return "azure(" + endpoint + (apiVersion == null ? ", v1" : ", api-version=" + apiVersion)
        + (deployment == null ? "" : ", deployment=" + deployment) + ")";
  }
}
