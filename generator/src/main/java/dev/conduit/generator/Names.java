package dev.conduit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Java names from wire names. */
final class Names {
  private Names() {}

  static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
      "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
      "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "yield", "record",
      "sealed", "permits");

  /**
   * Method names a model or its builder already has (JsonModel, JsonModel.Builder, Object, the
   * generated factory methods): a property with such a name gets a trailing underscore.
   */
  static final Set<String> TAKEN_METHODS = Set.of("toJson", "jsonField", "hasField", "equals", "hashCode", "toString",
      "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "toBuilder", "builder", "fromJson", "fileParts",
      "build", "putJsonField", "removeJsonField", "require", "frozenJson", "self");

  /**
   * Simple names a generated type must not take, because generated files use them unqualified
   * (java.lang, the imports of generated files, nested helper classes).
   */
  static final Set<String> RESERVED_TYPES = Set.of("String", "Object", "Long", "Double", "Boolean", "Integer", "Number",
      "Override", "Deprecated", "SuppressWarnings", "Error", "Exception", "Void", "Class", "Record", "Enum", "Iterable",
      "System", "Math", "Character", "Byte", "Short", "Float", "Thread", "Runtime", "Process", "Module", "Package",
      "List", "Map", "Function", "Nullable", "JsonModel", "OpenEnum", "Json", "FileUpload", "Builder", "Unknown",
      "Collections", "Objects", "Page", "AsyncPage", "EventStream", "RequestOptions", "CompletableFuture", "Flow",
      "ByteBuffer", "InputStream", "ApiRequest", "ClientCore", "Calls", "Paging", "Tags", "FormData", "Generated");

  /** Splits a wire name into words: on non-alphanumerics and on lower-to-upper case changes. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) || c > 127) {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
        continue;
      }
      if (Character.isUpperCase(c) && w.length() > 0) {
        char prev = w.charAt(w.length() - 1);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          out.add(w.toString());
          w.setLength(0);
        }
      }
      w.append(c);
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  static String pascal(String s) {
    StringBuilder sb = new StringBuilder();
    for (String w : words(s)) {
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    String r = sb.toString();
    if (r.isEmpty()) {
      return "Value";
    }
    if (Character.isDigit(r.charAt(0))) {
      r = "V" + r;
    }
    return r;
  }

  /** A class name from a schema name, keeping its case but dropping characters Java does not allow. */
  static String className(String schemaName) {
    String r = pascal(schemaName);
    return RESERVED_TYPES.contains(r) ? r + "Object" : r;
  }

  static String camel(String s) {
    List<String> words = words(s);
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() == 0) {
        sb.append(w.toLowerCase(Locale.ROOT).equals(w) ? w : Character.toLowerCase(w.charAt(0)) + w.substring(1));
        if (w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT))) {
          sb.setLength(0);
          sb.append(w.toLowerCase(Locale.ROOT));
        }
      } else {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    String r = sb.toString();
    if (r.isEmpty()) {
      r = "value";
    }
    if (Character.isDigit(r.charAt(0))) {
      r = "v" + r;
    }
    return r;
  }

  /** A method name for a property: camelCase, with a trailing underscore if it is a keyword or taken. */
  static String member(String wire) {
    String r = camel(wire);
    return KEYWORDS.contains(r) || TAKEN_METHODS.contains(r) ? r + "_" : r;
  }

  /** A parameter name: camelCase, with a trailing underscore if it is a keyword. */
  static String param(String wire) {
    String r = camel(wire);
    return KEYWORDS.contains(r) || r.equals("options") || r.equals("params") || r.equals("query") ? r + "_" : r;
  }

  /** An enum constant name: UPPER_SNAKE. */
  static String constant(String value) {
    List<String> words = words(value);
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append('_');
      }
      sb.append(w.toUpperCase(Locale.ROOT));
    }
    String r = sb.toString();
    if (r.isEmpty()) {
      return "EMPTY";
    }
    if (Character.isDigit(r.charAt(0))) {
      r = "V" + r;
    }
    return KEYWORDS.contains(r.toLowerCase(Locale.ROOT)) && r.equals(r.toLowerCase(Locale.ROOT)) ? r + "_" : r;
  }

  /** A crude singular of an English plural, for names of list items and services. */
  static String singular(String s) {
    if (s.endsWith("ies") && s.length() > 4) {
      return s.substring(0, s.length() - 3) + "y";
    }
    if (s.endsWith("sses") || s.endsWith("ches") || s.endsWith("shes") || s.endsWith("xes")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is") && s.length() > 3) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }
}
