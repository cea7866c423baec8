package dev.conduit.generator;

import dev.conduit.generator.Api.Body;
import dev.conduit.generator.Api.BodyKind;
import dev.conduit.generator.Api.OpPlan;
import dev.conduit.generator.Api.Resp;
import dev.conduit.generator.Api.ServiceNode;
import dev.conduit.generator.Types.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes service interfaces (blocking and asynchronous) and their implementations. */
final class ServiceWriter {
  static final ClassName REQUEST_OPTIONS = ClassName.of("dev.conduit", "RequestOptions");
  static final ClassName PAGE = ClassName.of("dev.conduit.core", "Page");
  static final ClassName ASYNC_PAGE = ClassName.of("dev.conduit.core", "AsyncPage");
  static final ClassName EVENT_STREAM = ClassName.of("dev.conduit.core", "EventStream");
  static final ClassName COMPLETABLE_FUTURE = ClassName.of("java.util.concurrent", "CompletableFuture");
  static final ClassName FLOW = ClassName.of("java.util.concurrent", "Flow");
  static final ClassName BYTE_BUFFER = ClassName.of("java.nio", "ByteBuffer");
  static final ClassName INPUT_STREAM = ClassName.of("java.io", "InputStream");
  static final ClassName CLIENT_CORE = ClassName.of("dev.conduit.internal.pipeline", "ClientCore");
  static final ClassName API_REQUEST = ClassName.of("dev.conduit.internal.pipeline", "ApiRequest");
  static final ClassName CALLS = ClassName.of("dev.conduit.internal.calls", "Calls");
  static final ClassName PAGING = ClassName.of("dev.conduit.internal.paging", "Paging");

  private final String specSha;
  private JavaFile f;

  ServiceWriter(String specSha) {
    this.specSha = specSha;
  }

  /** Returns the files of one service: path relative to the source root, and content. */
  Map<String, String> write(ServiceNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(path(node.iface()), iface(node, false));
    out.put(path(node.asyncIface()), iface(node, true));
    out.put(path(node.impl()), impl(node));
    return out;
  }

  static String path(ClassName c) {
    return c.pkg.replace('.', '/') + "/" + c.simple() + ".java";
  }

  static boolean deprecated(ServiceNode node) {
    boolean any = false;
    for (OpPlan p : node.ops) {
      if (!p.op.deprecated()) {
        return false;
      }
      any = true;
    }
    for (ServiceNode c : node.children.values()) {
      if (!deprecated(c)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  // ---- signatures -------------------------------------------------------------------------------

  /** One Java method for an operation: which body alternative, and whether it is the stream variant. */
  private static final class Sig {
    final OpPlan op;
    final Body body;
    final boolean stream;

    Sig(OpPlan op, Body body, boolean stream) {
      this.op = op;
      this.body = body;
      this.stream = stream;
    }

    String name() {
      return stream ? op.streamMethod : op.route.method;
    }

    String bodyName() {
      return body == null ? null : body.kind == BodyKind.SDP ? "sdp" : "params";
    }

    String paramsName() {
      return op.paramsType == null ? null : body != null ? "query" : "params";
    }
  }

  private static List<Sig> sigs(OpPlan p) {
    List<Sig> out = new ArrayList<>();
    if (p.bodies.isEmpty()) {
      out.add(new Sig(p, null, false));
    } else {
      for (Body b : p.bodies) {
        out.add(new Sig(p, b, false));
      }
    }
    if (p.streamMethod != null) {
      for (Body b : p.bodies) {
        if (b.kind != BodyKind.SDP) {
          out.add(new Sig(p, b, true));
          break;
        }
      }
    }
    return out;
  }

  private String bodyType(Body b) {
    return b.kind == BodyKind.SDP ? "String" : f.t(b.type);
  }

  private String returnType(Sig s, boolean async) {
    OpPlan p = s.op;
    if (s.stream) {
      String e = f.t(p.eventType.cls);
      return async ? f.t(FLOW) + ".Publisher<" + e + ">" : f.t(EVENT_STREAM) + "<" + e + ">";
    }
    String cf = f.t(COMPLETABLE_FUTURE);
    switch (p.resp) {
      case JSON:
        return async ? cf + "<" + f.t(p.respType.cls) + ">" : f.t(p.respType.cls);
      case VOID:
        return async ? cf + "<Void>" : "void";
      case TEXT:
        return async ? cf + "<String>" : "String";
      case BINARY:
        return async ? cf + "<" + f.t(FLOW) + ".Publisher<" + f.t(BYTE_BUFFER) + ">>" : f.t(INPUT_STREAM);
      case PAGE:
        return async ? cf + "<" + f.t(ASYNC_PAGE) + "<" + f.t(p.itemType.cls) + ">>" : f.t(PAGE) + "<" + f.t(p.itemType.cls) + ">";
      default:
        throw new IllegalStateException();
    }
  }

  /** The declared parameters; {@code withParams}/{@code withBody} drop the optional ones. */
  private String params(Sig s, boolean withBody, boolean withParams, boolean withOptions) {
    List<String> ps = new ArrayList<>();
    for (String[] pp : s.op.pathParams) {
      ps.add("String " + pp[1]);
    }
    if (s.body != null && withBody) {
      ps.add(bodyType(s.body) + " " + s.bodyName());
    }
    if (s.op.paramsType != null && withParams) {
      ps.add(f.t(s.op.paramsType) + " " + s.paramsName());
    }
    if (withOptions) {
      ps.add(f.t(REQUEST_OPTIONS) + " options");
    }
    return String.join(", ", ps);
  }

  private String args(Sig s, boolean withBody, boolean withParams) {
    List<String> as = new ArrayList<>();
    for (String[] pp : s.op.pathParams) {
      as.add(pp[1]);
    }
    if (s.body != null) {
      as.add(withBody ? s.bodyName() : f.t(s.body.type) + ".builder().build()");
    }
    if (s.op.paramsType != null) {
      as.add(withParams ? s.paramsName() : f.t(s.op.paramsType) + ".builder().build()");
    }
    as.add(f.t(REQUEST_OPTIONS) + ".none()");
    return String.join(", ", as);
  }

  private String opDoc(Sig s, boolean async) {
    OpPlan p = s.op;
    StringBuilder sb = new StringBuilder();
    String summary = p.summary != null ? Javadoc.html(p.summary) : "";
    String desc = p.description != null ? Javadoc.html(p.description) : "";
    if (!summary.isEmpty()) {
      sb.append(summary.endsWith(".") ? summary : summary + ".");
    }
    if (!desc.isEmpty() && !desc.equals(summary)) {
      sb.append(sb.length() > 0 ? "\n\n<p>" : "").append(desc);
    }
    if (sb.length() == 0) {
      sb.append("Calls <code>").append(p.op.method).append(' ').append(Javadoc.escape(p.op.path)).append("</code>.");
    }
    sb.append("\n\n<p>");
    if (s.stream) {
      sb.append(async
          ? "Streams the answer as server-sent events: a cold publisher that sends the request when subscribed to."
          : "Streams the answer as server-sent events; close the stream when done.");
      sb.append(' ');
    } else if (p.resp == Resp.PAGE) {
      sb.append("Returns one page; {@code autoPager()} walks all of them, fetching the next page lazily. ");
    } else if (p.resp == Resp.BINARY) {
      sb.append(async
          ? "Completes when the headers arrive, with the body as a publisher of byte chunks that honours demand. "
          : "Returns the body as a stream read from the connection; close it when done. ");
    }
    if (s.body != null && s.body.kind == BodyKind.MULTIPART) {
      sb.append("Sent as {@code multipart/form-data}. ");
    }
    sb.append("Operation <code>").append(Javadoc.escape(p.op.id)).append("</code>: <code>").append(p.op.method).append(' ')
        .append(Javadoc.escape(p.op.path)).append("</code>.");
    return sb.toString();
  }

  // ---- interfaces -------------------------------------------------------------------------------

  private String iface(ServiceNode node, boolean async) {
    ClassName me = async ? node.asyncIface() : node.iface();
    f = new JavaFile(me.pkg, me.simple(), Set.of(me.simple()));
    StringBuilder sb = f.body;
    String doc = async
        ? "The asynchronous twin of {@link " + f.t(node.iface()) + "}: the same methods, returning futures and publishers."
        : "The {@code " + String.join(".", node.chain) + "} resource of the OpenAI API.";
    Javadoc.comment(sb, "", doc, "@generated from the OpenAPI spec's operations listed below");
    if (deprecated(node)) {
      sb.append("@Deprecated\n");
    }
    sb.append("public interface ").append(me.simple()).append(" {\n");
    boolean first = true;
    for (ServiceNode c : node.children.values()) {
      if (!first) {
        sb.append('\n');
      }
      first = false;
      Javadoc.comment(sb, "  ", "The {@code " + String.join(".", c.chain) + "} resource.");
      if (deprecated(c)) {
        sb.append("  @Deprecated\n");
      }
      sb.append("  ").append(f.t(async ? c.asyncIface() : c.iface())).append(' ').append(c.accessor()).append("();\n");
    }
    for (OpPlan p : node.ops) {
      for (Sig s : sigs(p)) {
        if (!first) {
          sb.append('\n');
        }
        first = false;
        String ret = returnType(s, async);
        Javadoc.comment(sb, "  ", opDoc(s, async));
        if (p.op.deprecated()) {
          sb.append("  @Deprecated\n");
        }
        sb.append("  ").append(ret).append(' ').append(s.name()).append('(').append(params(s, true, true, true)).append(");\n");
        // overloads
        List<boolean[]> overloads = new ArrayList<>();
        overloads.add(new boolean[] {true, true});
        if (p.paramsType != null && p.paramsOptional) {
          overloads.add(new boolean[] {true, false});
        }
        if (s.body != null && s.body.kind != BodyKind.SDP && p.bodyOptional && (p.paramsType == null || p.paramsOptional)) {
          overloads.add(new boolean[] {false, false});
        }
        for (boolean[] o : overloads) {
          sb.append('\n');
          Javadoc.comment(sb, "  ", "Calls {@link #" + s.name() + "(" + paramTypesForLink(s) + ")} with "
              + (o[0] && o[1] ? "default request options." : "default parameters and request options."));
          if (p.op.deprecated()) {
            sb.append("  @Deprecated\n");
          }
          sb.append("  default ").append(ret).append(' ').append(s.name()).append('(').append(params(s, o[0], o[1], false))
              .append(") {\n");
          sb.append("    ").append(ret.equals("void") ? "" : "return ").append(s.name()).append('(')
              .append(args(s, o[0], o[1])).append(");\n");
          sb.append("  }\n");
        }
      }
    }
    sb.append("}\n");
    return f.render(specSha);
  }

  private String paramTypesForLink(Sig s) {
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < s.op.pathParams.size(); i++) {
      ps.add("String");
    }
    if (s.body != null) {
      ps.add(bodyType(s.body));
    }
    if (s.op.paramsType != null) {
      ps.add(f.t(s.op.paramsType));
    }
    ps.add(f.t(REQUEST_OPTIONS));
    return String.join(", ", ps);
  }

  // ---- implementations --------------------------------------------------------------------------

  private String impl(ServiceNode node) {
    ClassName me = node.impl();
    f = new JavaFile(me.pkg, me.simple(), Set.of(me.simple(), "Async"));
    StringBuilder sb = f.body;
    Javadoc.comment(sb, "", "{@link " + f.t(node.iface()) + "} and its asynchronous twin.");
    if (hasDeprecated(node)) {
      sb.append("@SuppressWarnings(\"deprecation\")\n");
    }
    sb.append("public final class ").append(me.simple()).append(" implements ").append(f.t(node.iface())).append(" {\n");
    implBody(node, false, "  ", sb, me.simple());
    sb.append('\n');
    Javadoc.comment(sb, "  ", "The asynchronous twin.");
    sb.append("  public static final class Async implements ").append(f.t(node.asyncIface())).append(" {\n");
    implBody(node, true, "    ", sb, "Async");
    sb.append("  }\n");
    sb.append("}\n");
    return f.render(specSha);
  }

  private static boolean hasDeprecated(ServiceNode node) {
    for (OpPlan p : node.ops) {
      if (p.op.deprecated()) {
        return true;
      }
    }
    for (ServiceNode c : node.children.values()) {
      if (deprecated(c)) {
        return true;
      }
    }
    return false;
  }

  private void implBody(ServiceNode node, boolean async, String in, StringBuilder sb, String ctorName) {
    String core = f.t(CLIENT_CORE);
    sb.append(in).append("private final ").append(core).append(" core;\n\n");
    sb.append(in).append("public ").append(ctorName).append('(').append(core).append(" core) {\n");
    sb.append(in).append("  this.core = core;\n").append(in).append("}\n");
    for (ServiceNode c : node.children.values()) {
      sb.append('\n').append(in).append("@Override\n");
      String type = f.t(async ? c.asyncIface() : c.iface());
      sb.append(in).append("public ").append(type).append(' ').append(c.accessor()).append("() {\n");
      sb.append(in).append("  return new ").append(f.t(c.impl())).append(async ? ".Async" : "").append("(core);\n");
      sb.append(in).append("}\n");
    }
    for (OpPlan p : node.ops) {
      for (Sig s : sigs(p)) {
        sb.append('\n').append(in).append("@Override\n");
        String ret = returnType(s, async);
        sb.append(in).append("public ").append(ret).append(' ').append(s.name()).append('(')
            .append(params(s, true, true, true)).append(") {\n");
        sb.append(in).append("  ").append(ret.equals("void") ? "" : "return ").append(call(s, async)).append(";\n");
        sb.append(in).append("}\n");
      }
    }
  }

  private String request(Sig s) {
    OpPlan p = s.op;
    String ar = f.t(API_REQUEST);
    String path = p.pathExpr;
    String r;
    switch (p.op.method) {
      case "GET":
        r = ar + ".get(" + path + ")";
        break;
      case "DELETE":
        r = ar + ".delete(" + path + ")";
        break;
      case "POST":
        if (s.body == null) {
          r = ar + ".post(" + path + ")";
        } else {
          String json = s.stream
              ? f.t(CALLS) + ".with(params.toJson(), " + ModelWriter.lit(p.streamField) + ", "
                  + (p.streamValue instanceof String ? ModelWriter.lit((String) p.streamValue) : "true") + ")"
              : "params";
          switch (s.body.kind) {
            case JSON:
              r = ar + ".post(" + path + ", " + json + ")";
              break;
            case MULTIPART:
              r = ar + ".post(" + path + ", " + f.t(ModelWriter.FORM_DATA) + ".body("
                  + (s.stream ? json : "params.toJson()") + ", params.fileParts()))";
              break;
            case SDP:
              r = ar + ".post(" + path + ", " + f.t(CALLS) + ".sdp(sdp))";
              break;
            default:
              throw new IllegalStateException();
          }
        }
        break;
      default:
        throw new IllegalStateException(p.op.id + ": unsupported method " + p.op.method);
    }
    if (p.paramsType != null && (p.resp != Resp.PAGE || s.stream)) {
      r = f.t(CALLS) + ".query(" + r + ", " + s.paramsName() + ".toJson()" + headers(p) + ")";
    }
    if (!s.stream && p.resp == Resp.BINARY) {
      r = r + ".header(\"Accept\", " + ModelWriter.lit(p.accept) + ")";
    }
    return r;
  }

  private static String headers(OpPlan p) {
    StringBuilder sb = new StringBuilder();
    for (String h : p.headerNames) {
      sb.append(", ").append(ModelWriter.lit(h));
    }
    return sb.toString();
  }

  private String call(Sig s, boolean async) {
    OpPlan p = s.op;
    String c = f.t(CALLS);
    String req = request(s);
    String a = async ? "Async" : "";
    if (s.stream) {
      StringBuilder sb = new StringBuilder(c + ".stream" + a + "(core, " + req + ", options, " + f.t(p.eventType.cls)
          + "::fromJson");
      for (String t : p.terminal) {
        sb.append(", ").append(ModelWriter.lit(t));
      }
      return sb.append(')').toString();
    }
    switch (p.resp) {
      case JSON:
        return c + ".json" + a + "(core, " + req + ", options, " + f.t(p.respType.cls) + "::fromJson)";
      case VOID:
        return c + ".discard" + a + "(core, " + req + ", options)";
      case TEXT:
        return c + ".text" + a + "(core, " + req + ", options)";
      case BINARY:
        return c + ".download" + a + "(core, " + req + ", options)";
      case PAGE:
        return f.t(PAGING) + ".page" + a + "(core, " + req + ", " + s.paramsName() + ".toJson(), options, "
            + f.t(p.itemType.cls) + "::fromJson, " + f.t(PAGING) + ".Style." + p.pageStyle + headers(p) + ")";
      default:
        throw new IllegalStateException();
    }
  }

  // ---- the clients' accessors ---------------------------------------------------------------------

  /** The accessor methods of the top-level resources, for the generated region of a client class. */
  static String accessors(ServiceNode root, boolean async) {
    StringBuilder sb = new StringBuilder();
    for (ServiceNode c : root.children.values()) {
      ClassName type = async ? c.asyncIface() : c.iface();
      sb.append('\n');
      Javadoc.comment(sb, "  ", "The {@code " + c.accessor() + "} resource: {@link " + type.canonical() + "}.");
      if (deprecated(c)) {
        sb.append("  @Deprecated\n");
      }
      sb.append("  public ").append(type.canonical()).append(' ').append(c.accessor()).append("() {\n");
      sb.append("    return new ").append(c.impl().canonical()).append(async ? ".Async" : "").append("(core);\n");
      sb.append("  }\n");
    }
    return sb.toString();
  }
}
