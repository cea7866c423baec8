package dev.conduit.generator;

import dev.conduit.generator.Types.ClassName;
import dev.conduit.generator.Types.Kind;
import dev.conduit.generator.Types.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of the spec, grouped into services as {@code operations.tsv} lays them out. */
final class Api {
  static final String MODELS = "dev.conduit.models";
  static final String SERVICES = "dev.conduit.services";
  static final String IMPLS = "dev.conduit.internal.services.generated";

  /** The package of each top-level accessor (and some nested ones), for models. */
  static final Map<String, String> GROUP_PACKAGES = new LinkedHashMap<>();

  static {
    GROUP_PACKAGES.put("beta.assistants", "assistants");
    GROUP_PACKAGES.put("beta.threads", "threads");
    GROUP_PACKAGES.put("beta.chatkit", "chatkit");
    GROUP_PACKAGES.put("beta.responses", "beta");
    GROUP_PACKAGES.put("fineTuning.alpha", "graders");
    GROUP_PACKAGES.put("audio", "audio");
    GROUP_PACKAGES.put("batches", "batches");
    GROUP_PACKAGES.put("completions", "completions");
    GROUP_PACKAGES.put("containers", "containers");
    GROUP_PACKAGES.put("conversations", "conversations");
    GROUP_PACKAGES.put("evals", "evals");
    GROUP_PACKAGES.put("fineTuning", "finetuning");
    GROUP_PACKAGES.put("images", "images");
    GROUP_PACKAGES.put("moderations", "moderations");
    GROUP_PACKAGES.put("admin", "admin");
    GROUP_PACKAGES.put("realtime", "realtime");
    GROUP_PACKAGES.put("uploads", "uploads");
    GROUP_PACKAGES.put("vectorStores", "vectorstores");
    GROUP_PACKAGES.put("skills", "skills");
    GROUP_PACKAGES.put("videos", "videos");
    GROUP_PACKAGES.put("contentProvenanceChecks", "contentprovenance");
  }

  /** Component schemas that hand-written core classes already represent. */
  static final Map<String, ClassName> CORE_TYPES = new LinkedHashMap<>();

  static {
    CORE_TYPES.put("OpenAIFile", ClassName.of(MODELS + ".files", "FileObject"));
    CORE_TYPES.put("DeleteFileResponse", ClassName.of(MODELS + ".files", "FileDeleted"));
    CORE_TYPES.put("Model", ClassName.of(MODELS + ".models", "Model"));
    CORE_TYPES.put("DeleteModelResponse", ClassName.of(MODELS + ".models", "ModelDeleted"));
    CORE_TYPES.put("Response", ClassName.of(MODELS + ".responses", "Response"));
    CORE_TYPES.put("CreateChatCompletionResponse", ClassName.of(MODELS + ".chat", "ChatCompletion"));
    CORE_TYPES.put("CreateChatCompletionStreamResponse", ClassName.of(MODELS + ".chat", "ChatCompletionChunk"));
    CORE_TYPES.put("ChatCompletionDeleted", ClassName.of(MODELS + ".chat", "ChatCompletionDeleted"));
    CORE_TYPES.put("CompletionUsage", ClassName.of(MODELS + ".chat", "CompletionUsage"));
    CORE_TYPES.put("CreateEmbeddingResponse", ClassName.of(MODELS + ".embeddings", "CreateEmbeddingResponse"));
    CORE_TYPES.put("Embedding", ClassName.of(MODELS + ".embeddings", "Embedding"));
    CORE_TYPES.put("TokenCountsBody", ClassName.of(MODELS + ".responses", "InputTokenCountParams"));
    CORE_TYPES.put("TokenCountsResource", ClassName.of(MODELS + ".responses", "InputTokenCount"));
    CORE_TYPES.put("CompactResponseMethodPublicBody", ClassName.of(MODELS + ".responses", "ResponseCompactParams"));
    CORE_TYPES.put("CompactResource", ClassName.of(MODELS + ".responses", "CompactedResponse"));
    // Schemas that the hand-written core represents too, mapped so that the generated code uses the
    // core class instead of a generated twin. A schema that is a variant of a generated union stays
    // generated (Tool and its variants, the ResponseFormat* family, ChatCompletionMessageToolCall):
    // a hand-written class cannot implement the generated interface, so the union would lose it.
    CORE_TYPES.put("ReasoningEffort", ClassName.of(MODELS, "ReasoningEffort"));
    CORE_TYPES.put("Reasoning", ClassName.of(MODELS + ".responses", "Reasoning"));
    CORE_TYPES.put("ResponseUsage", ClassName.of(MODELS + ".responses", "ResponseUsage"));
    CORE_TYPES.put("ResponseError", ClassName.of(MODELS + ".responses", "ResponseError"));
    CORE_TYPES.put("ServiceTier", ClassName.of(MODELS + ".chat", "ServiceTier"));
    CORE_TYPES.put("ChatCompletionStreamOptions", ClassName.of(MODELS + ".chat", "ChatCompletionStreamOptions"));
    // The stream of POST /responses: the union and the variants the core types. Nothing generated
    // refers to the union; the event schemas the core does not type stay generated, as classes of
    // their own, and reach the user as ResponseStreamEvent.Unknown.
    CORE_TYPES.put("ResponseStreamEvent", ClassName.of(MODELS + ".responses", "ResponseStreamEvent"));
    for (String event : List.of("ResponseTextDeltaEvent", "ResponseTextDoneEvent", "ResponseOutputTextAnnotationAddedEvent",
        "ResponseRefusalDeltaEvent", "ResponseRefusalDoneEvent", "ResponseFunctionCallArgumentsDeltaEvent",
        "ResponseFunctionCallArgumentsDoneEvent", "ResponseReasoningSummaryTextDeltaEvent",
        "ResponseReasoningSummaryTextDoneEvent", "ResponseReasoningTextDeltaEvent", "ResponseReasoningTextDoneEvent",
        "ResponseErrorEvent")) {
      CORE_TYPES.put(event, ClassName.of(MODELS + ".responses", event));
    }
    for (String status : List.of("Created", "InProgress", "Completed", "Failed", "Incomplete", "Queued")) {
      CORE_TYPES.put("Response" + status + "Event", ClassName.of(MODELS + ".responses", "ResponseLifecycleEvent"));
    }
    for (String phase : List.of("Added", "Done")) {
      CORE_TYPES.put("ResponseOutputItem" + phase + "Event", ClassName.of(MODELS + ".responses", "ResponseOutputItemEvent"));
      CORE_TYPES.put("ResponseContentPart" + phase + "Event", ClassName.of(MODELS + ".responses", "ResponseContentPartEvent"));
      CORE_TYPES.put("ResponseReasoningSummaryPart" + phase + "Event",
          ClassName.of(MODELS + ".responses", "ResponseReasoningSummaryPartEvent"));
    }
  }

  /**
   * The getters of hand-written classes that represent a property under another name than the wire
   * name's ({@code schema.property} to getter), for the coverage report. The core parameters read
   * {@code input} as {@code inputText()} or {@code inputItems()}, as {@code ResponseCreateParams} does.
   */
  static final Map<String, String> CORE_GETTERS = Map.of(
      "TokenCountsBody.input", "inputItems",
      "CompactResponseMethodPublicBody.input", "inputItems");

  /** Stream events after which a stream may end without {@code [DONE]}; default: types ending in .done/.completed. */
  static final Map<String, List<String>> TERMINAL_EVENTS = Map.of(
      "beta_createResponse", List.of("response.completed", "response.failed", "response.incomplete"));

  /** One row of operations.tsv. */
  static final class Route {
    final String operationId;
    final String status;
    final List<String> chain;
    final String method;

    Route(String operationId, String status, List<String> chain, String method) {
      this.operationId = operationId;
      this.status = status;
      this.chain = chain;
      this.method = method;
    }
  }

  enum Resp { JSON, VOID, BINARY, TEXT, PAGE }

  enum BodyKind { JSON, MULTIPART, SDP }

  static final class Body {
    final BodyKind kind;
    final ClassName type;

    Body(BodyKind kind, ClassName type) {
      this.kind = kind;
      this.type = type;
    }
  }

  /** An operation as a method. */
  static final class OpPlan {
    Spec.Operation op;
    Route route;
    final List<String[]> pathParams = new ArrayList<>();
    String pathExpr;
    final List<Body> bodies = new ArrayList<>();
    boolean bodyOptional;
    ClassName paramsType;
    boolean paramsOptional;
    final List<String> headerNames = new ArrayList<>();
    Resp resp;
    TypeRef respType;
    TypeRef itemType;
    String pageStyle;
    String accept;
    TypeRef eventType;
    String streamMethod;
    String streamField;
    Object streamValue;
    final List<String> terminal = new ArrayList<>();
    String summary;
    String description;
  }

  /** A service interface: a node of the accessor tree. */
  static final class ServiceNode {
    final List<String> chain;
    final String pkg;
    final String name;
    final List<OpPlan> ops = new ArrayList<>();
    final Map<String, ServiceNode> children = new LinkedHashMap<>();

    ServiceNode(List<String> chain) {
      this.chain = chain;
      boolean admin = !chain.isEmpty() && chain.get(0).equals("admin");
      this.pkg = admin ? SERVICES + ".admin" : SERVICES;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < chain.size(); i++) {
        if (admin && i == 0 && chain.size() > 1) {
          continue;
        }
        sb.append(Names.pascal(Names.singular(chain.get(i))));
      }
      this.name = sb + "Service";
    }

    ClassName iface() {
      return ClassName.of(pkg, name);
    }

    ClassName asyncIface() {
      return ClassName.of(pkg, name + "Async");
    }

    ClassName impl() {
      return ClassName.of(IMPLS, name + "Impl");
    }

    String accessor() {
      return chain.get(chain.size() - 1);
    }
  }

  final Spec spec;
  final List<Route> routes = new ArrayList<>();
  final Map<String, Route> routeById = new LinkedHashMap<>();
  final List<Spec.Operation> operations;
  final Map<String, String> componentPackage = new LinkedHashMap<>();
  final Set<String> multipartComponents = new HashSet<>();
  final Set<String> strictComponents = new HashSet<>();
  final ServiceNode root = new ServiceNode(List.of());
  final List<OpPlan> plans = new ArrayList<>();
  Planner planner;

  Api(Spec spec) {
    this.spec = spec;
    this.operations = spec.operations();
    readRoutes();
    for (Spec.Operation op : operations) {
      if (!routeById.containsKey(op.id)) {
        throw new IllegalStateException("operation " + op.id + " (" + op.method + " " + op.rawPath
            + ") is not in operations.tsv: add a row for it");
      }
    }
  }

  private void readRoutes() {
    try (InputStream in = Api.class.getResourceAsStream("operations.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        Route r = new Route(c[0], c[1], List.of(c[2].split("\\.")), c[3]);
        routes.add(r);
        routeById.put(r.operationId, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String groupPackage(List<String> chain) {
    String joined = String.join(".", chain);
    for (Map.Entry<String, String> e : GROUP_PACKAGES.entrySet()) {
      if (joined.equals(e.getKey()) || joined.startsWith(e.getKey() + ".")) {
        return MODELS + "." + e.getValue();
      }
    }
    return MODELS + ".shared";
  }

  // ---- identical schemas ------------------------------------------------------------------------

  /** Each component's representative: the first of the schemas identical to it (Beta copies yield). */
  final Map<String, String> representative = new LinkedHashMap<>();

  /**
   * Finds component schemas that are identical up to descriptions and the names of identical
   * schemas they refer to (the spec repeats much of the Responses API under {@code Beta...} names),
   * so that one Java class represents them all. Iterates to a fixpoint.
   */
  void dedupe() {
    for (String n : spec.schemas.keySet()) {
      representative.put(n, n);
    }
    for (int round = 0; round < 20; round++) {
      Map<String, String> firstByKey = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(spec.schemas.keySet());
      // prefer names without a Beta prefix as representatives
      names.sort((a, b) -> Boolean.compare(a.startsWith("Beta"), b.startsWith("Beta")));
      boolean changed = false;
      Map<String, String> next = new LinkedHashMap<>();
      for (String n : names) {
        String key = canonical(spec.schema(n), n);
        String rep = firstByKey.putIfAbsent(key, n);
        next.put(n, rep == null ? n : rep);
      }
      for (String n : spec.schemas.keySet()) {
        if (!next.get(n).equals(representative.get(n))) {
          changed = true;
        }
        representative.put(n, next.get(n));
      }
      if (!changed) {
        return;
      }
    }
  }

  private static final Set<String> IGNORED_KEYS = Set.of("description", "title", "example", "examples", "deprecated",
      "default");

  String canonical(Object node, String self) {
    StringBuilder sb = new StringBuilder();
    canonical(node, self, false, sb);
    return sb.toString();
  }

  /**
   * Appends the canonical text of {@code node}. {@code names} is true for the map of a
   * {@code properties} keyword, whose keys are property names ({@code default}, {@code title},
   * {@code description} are legitimate ones), never dropped like the annotation keywords.
   */
  private void canonical(Object node, String self, boolean names, StringBuilder sb) {
    if (node instanceof Map) {
      Map<String, Object> m = Spec.cast(node);
      String ref = !names && m.get("$ref") instanceof String ? Spec.refName(m) : null;
      if (ref != null) {
        String rep = representative.get(ref);
        sb.append("{$ref:").append(ref.equals(self) ? "#self" : rep).append('}');
        return;
      }
      sb.append('{');
      for (String k : new java.util.TreeSet<>(m.keySet())) {
        if (!names && (IGNORED_KEYS.contains(k) || k.startsWith("x-"))) {
          continue;
        }
        sb.append(k).append(':');
        canonical(m.get(k), self, !names && k.equals("properties"), sb);
        sb.append(',');
      }
      sb.append('}');
    } else if (node instanceof List) {
      sb.append('[');
      for (Object o : (List<?>) node) {
        canonical(o, self, false, sb);
        sb.append(',');
      }
      sb.append(']');
    } else {
      sb.append(node instanceof String ? "\"" + node + "\"" : String.valueOf(node));
    }
  }

  // ---- packages of the component schemas --------------------------------------------------------

  void assignPackages() {
    Map<String, Set<String>> direct = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : spec.schemas.entrySet()) {
      Set<String> refs = new LinkedHashSet<>();
      Spec.refs(e.getValue(), refs);
      direct.put(e.getKey(), refs);
    }
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (Spec.Operation op : operations) {
      Route r = routeById.get(op.id);
      String group = r.status.equals("core") ? "core" : groupPackage(r.chain);
      Set<String> seeds = new LinkedHashSet<>();
      Spec.refs(op.parameters, seeds);
      Spec.refs(op.node.get("requestBody"), seeds);
      Spec.refs(op.node.get("responses"), seeds);
      Set<String> closure = new LinkedHashSet<>();
      ArrayList<String> work = new ArrayList<>(seeds);
      while (!work.isEmpty()) {
        String s = work.remove(work.size() - 1);
        if (closure.add(s)) {
          work.addAll(direct.getOrDefault(s, Set.of()));
        }
      }
      for (String s : closure) {
        groups.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(group);
      }
      // request bodies
      Map<String, Object> rb = Spec.map(op.node, "requestBody");
      for (Map.Entry<String, Object> c : Spec.map(rb, "content").entrySet()) {
        String ref = Spec.refName(Spec.map(Spec.cast(c.getValue()), "schema"));
        if (ref != null) {
          strictComponents.add(representative.get(ref));
          if (c.getKey().equals("multipart/form-data")) {
            multipartComponents.add(representative.get(ref));
          }
        }
      }
    }
    Map<String, Set<String>> repGroups = new LinkedHashMap<>();
    for (String name : spec.schemas.keySet()) {
      repGroups.computeIfAbsent(representative.get(name), k -> new LinkedHashSet<>())
          .addAll(groups.getOrDefault(name, Set.of()));
    }
    for (String name : spec.schemas.keySet()) {
      String pkg;
      if (!representative.get(name).equals(name)) {
        continue;
      }
      if (name.startsWith("Beta")) {
        pkg = MODELS + ".beta";
      } else if (name.startsWith("Realtime")) {
        pkg = MODELS + ".realtime";
      } else if (name.startsWith("Grader") || name.startsWith("EvalGrader") || name.startsWith("RunGrader")
          || name.startsWith("ValidateGrader")) {
        pkg = MODELS + ".graders";
      } else {
        Set<String> g = repGroups.getOrDefault(name, Set.of());
        pkg = g.size() == 1 && !g.contains("core") ? g.iterator().next() : MODELS + ".shared";
      }
      componentPackage.put(name, pkg);
    }
  }

  // ---- operations -------------------------------------------------------------------------------

  void planOperations() {
    for (Spec.Operation op : operations) {
      Route r = routeById.get(op.id);
      if (!r.status.equals("gen")) {
        continue;
      }
      OpPlan p = plan(op, r);
      plans.add(p);
      ServiceNode node = root;
      for (int i = 0; i < r.chain.size(); i++) {
        String seg = r.chain.get(i);
        List<String> chain = r.chain.subList(0, i + 1);
        node = node.children.computeIfAbsent(seg, k -> new ServiceNode(List.copyOf(chain)));
      }
      node.ops.add(p);
    }
  }

  private OpPlan plan(Spec.Operation op, Route r) {
    OpPlan p = new OpPlan();
    p.op = op;
    p.route = r;
    p.summary = Spec.str(op.node, "summary");
    p.description = Spec.str(op.node, "description");
    String pkg = groupPackage(r.chain);
    String base = Names.pascal(op.id);
    // path
    List<String> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    String[] segs = op.path.substring(1).split("/");
    for (int i = 0; i < segs.length; i++) {
      String seg = segs[i];
      if (i > 0) {
        literal.append('/');
      }
      if (seg.startsWith("{")) {
        String wire = seg.substring(1, seg.length() - 1);
        String java = Names.param(wire);
        p.pathParams.add(new String[] {wire, java});
        if (literal.length() > 0) {
          parts.add(ModelWriter.lit(literal.toString()));
          literal.setLength(0);
        }
        parts.add("ApiRequest.segment(" + java + ")");
      } else {
        literal.append(seg);
      }
    }
    if (literal.length() > 0) {
      parts.add(ModelWriter.lit(literal.toString()));
    }
    StringBuilder expr = new StringBuilder(String.join(" + ", parts));
    p.pathExpr = expr.toString();
    // parameters
    List<Map<String, Object>> params = new ArrayList<>();
    for (Map<String, Object> param : op.parameters) {
      String in = Spec.str(param, "in");
      if (in.equals("query") || in.equals("header")) {
        params.add(param);
        if (in.equals("header")) {
          p.headerNames.add(Spec.str(param, "name"));
        }
      }
    }
    if (!params.isEmpty()) {
      ModelPlan pp = planner.parameters(pkg, base + "Params", params, op.id + " parameters");
      p.paramsType = pp.name;
      p.paramsOptional = pp.props.stream().noneMatch(x -> x.required);
    }
    // request body
    Map<String, Object> rb = Spec.map(op.node, "requestBody");
    Set<String> seenBodyTypes = new HashSet<>();
    for (Map.Entry<String, Object> c : Spec.map(rb, "content").entrySet()) {
      Map<String, Object> schema = Spec.map(Spec.cast(c.getValue()), "schema");
      String ct = c.getKey();
      if (ct.equals("application/sdp")) {
        p.bodies.add(new Body(BodyKind.SDP, null));
        continue;
      }
      boolean multipart = ct.equals("multipart/form-data");
      if (!multipart && !ct.equals("application/json")) {
        throw new IllegalStateException(op.id + ": unsupported request content type " + ct);
      }
      ClassName type;
      String ref = Spec.refName(schema);
      boolean hasRequired;
      if (ref != null) {
        TypeRef t = planner.component(ref);
        if (t.kind != Kind.MODEL) {
          throw new IllegalStateException(op.id + ": request body " + ref + " is not an object");
        }
        type = t.cls;
        if (multipartComponents.contains(representative.get(ref))) {
          multipart = true;
        }
        hasRequired = planner.plansByClass.get(type).props.stream().anyMatch(x -> x.required && x.constValue == null);
      } else {
        ModelPlan sp = planner.synthetic(pkg, base + "Request", schema, multipart, true, op.id + " request body");
        type = sp.name;
        hasRequired = sp.props.stream().anyMatch(x -> x.required && x.constValue == null);
      }
      if (seenBodyTypes.add(type.canonical())) {
        p.bodies.add(new Body(multipart ? BodyKind.MULTIPART : BodyKind.JSON, type));
      }
      p.bodyOptional = !Spec.bool(rb, "required") && !hasRequired && p.bodies.size() == 1;
    }
    // response
    Map<String, Object> responses = Spec.map(op.node, "responses");
    Map<String, Object> ok = null;
    for (String code : List.of("200", "201", "202", "204")) {
      if (responses.containsKey(code)) {
        ok = Spec.cast(responses.get(code));
        break;
      }
    }
    Map<String, Object> content = ok == null ? Map.of() : Spec.map(ok, "content");
    List<String> binaryTypes = new ArrayList<>();
    Map<String, Object> jsonSchema = null;
    for (Map.Entry<String, Object> c : content.entrySet()) {
      String ct = c.getKey();
      Map<String, Object> schema = Spec.map(Spec.cast(c.getValue()), "schema");
      if (ct.equals("text/event-stream")) {
        p.eventType = planner.type(schema, new Planner.Ctx(null, pkg, base + "Event", null), op.id + "Event");
      } else if (ct.equals("application/json")) {
        if (!"string".equals(schema.get("type"))) {
          jsonSchema = schema;
        }
      } else if (ct.equals("application/sdp")) {
        p.resp = Resp.TEXT;
      } else {
        binaryTypes.add(ct);
      }
    }
    if (p.resp == null) {
      if (!binaryTypes.isEmpty()) {
        p.resp = Resp.BINARY;
        p.accept = String.join(", ", binaryTypes);
      } else if (jsonSchema != null) {
        p.respType = planner.type(jsonSchema, new Planner.Ctx(null, pkg, base + "Response", null), base + "Response");
        if (!p.respType.isObject()) {
          throw new IllegalStateException(op.id + ": response is not an object: " + p.respType);
        }
        p.resp = Resp.JSON;
        pagination(p);
      } else if (op.method.equals("GET") && op.path.endsWith("/content")) {
        p.resp = Resp.BINARY;
        p.accept = "*/*";
      } else {
        p.resp = Resp.VOID;
      }
    }
    if (p.eventType != null) {
      p.streamMethod = r.method.equals("create") ? "stream" : r.method + "Stream";
      if (p.eventType.kind != Kind.UNION && p.eventType.kind != Kind.MODEL) {
        throw new IllegalStateException(op.id + ": stream events are not objects");
      }
      ModelPlan body = planner.plansByClass.get(p.bodies.get(0).type);
      Map<String, ModelPlan.Prop> props = body.propsByWire();
      if (props.containsKey("stream")) {
        p.streamField = "stream";
        p.streamValue = Boolean.TRUE;
      } else if (props.containsKey("stream_format")) {
        p.streamField = "stream_format";
        p.streamValue = "sse";
      } else {
        throw new IllegalStateException(op.id + ": no way to ask for a stream");
      }
      List<String> terminal = TERMINAL_EVENTS.get(op.id);
      if (terminal != null) {
        p.terminal.addAll(terminal);
      } else if (p.eventType.kind == Kind.UNION) {
        for (String value : planner.plansByClass.get(p.eventType.cls).cases.keySet()) {
          if (value.endsWith(".done") || value.endsWith(".completed")) {
            p.terminal.add(value);
          }
        }
      }
    }
    return p;
  }

  /** Marks a GET whose answer is a cursor-paginated list, and records its cursor style. */
  private void pagination(OpPlan p) {
    if (!p.op.method.equals("GET") || p.respType.kind != Kind.MODEL || p.paramsType == null) {
      return;
    }
    ModelPlan resp = planner.plansByClass.get(p.respType.cls);
    if (resp == null) {
      return;
    }
    Map<String, ModelPlan.Prop> props = resp.propsByWire();
    ModelPlan.Prop data = props.get("data");
    if (data == null || data.type.kind != Kind.LIST || !data.type.elem.isObject()) {
      return;
    }
    Set<String> query = new HashSet<>();
    for (ModelPlan.Prop q : planner.plansByClass.get(p.paramsType).props) {
      query.add(q.wire);
    }
    String style;
    if (props.containsKey("next_page") && query.contains("page")) {
      style = "NEXT_PAGE";
    } else if (props.containsKey("next") && query.contains("after")) {
      style = "NEXT";
    } else if (props.containsKey("last_id") && query.contains("after")) {
      style = query.contains("before") && props.containsKey("first_id") ? "LAST_ID_OR_FIRST_ID" : "LAST_ID";
    } else if (props.containsKey("has_more") && query.contains("after")) {
      style = "ITEM_ID";
    } else {
      return;
    }
    p.resp = Resp.PAGE;
    p.pageStyle = style;
    p.itemType = data.type.elem;
  }
}
