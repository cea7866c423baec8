package dev.conduit.internal.schema;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.structured.Description;
import dev.conduit.testutil.TestJson;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonSchemaGeneratorTest {
  private final JsonSchemaGenerator generator = new JsonSchemaGenerator();

  // ---- Test types ----

  record Scalars(
      String s, char c, Character boxedChar,
      boolean b, Boolean boxedBool,
      byte by, Byte boxedByte, short sh, Short boxedShort, int i, Integer boxedInt,
      long l, Long boxedLong, BigInteger big,
      float f, Float boxedFloat, double d, Double boxedDouble, BigDecimal dec) {}

  enum Status { NEW, SHIPPED, DELIVERED }

  @Description("How urgent it is")
  enum Priority { LOW, HIGH }

  record Address(String city, String zip) {}

  record Customer(String name, Address address) {}

  record LineItem(String sku, int quantity) {}

  @Description("A customer order")
  record Order(
      @Description("Order id") String id,
      Customer customer,
      List<LineItem> items,
      Set<String> tags,
      Collection<Status> history,
      Status status,
      int[] quantities,
      Address[] addresses,
      List<List<Double>> matrix,
      Priority priority,
      @Description("Overrides the enum's") Priority override) {}

  /** A declaration annotation without {@code @Target}, like JSR 305's. */
  static final class Jsr305 {
    @Retention(RetentionPolicy.RUNTIME)
    @interface Nullable {}
  }

  /** A declaration annotation that applies only to members, like Spring's. */
  static final class MemberOnly {
    @Retention(RetentionPolicy.RUNTIME)
    @Target({METHOD, FIELD, PARAMETER})
    @interface Nullable {}
  }

  record Nullables(
      @Nullable String name,
      @Nullable Integer count,
      @Nullable Status status,
      @Nullable Address address,
      @Nullable List<String> tags,
      String @Nullable [] codes,
      @Nullable String[] nullableItems,
      List<@Nullable Long> maybeLongs,
      @Jsr305.Nullable String declared,
      @MemberOnly.Nullable Boolean memberOnly,
      @Description("Maybe a number") @Nullable Double described) {}

  record Node(String name, List<Node> children) {}

  record Tree(Node root, @Nullable Node fallback) {}

  static final class Left {
    record Item(String a) {}
  }

  static final class Right {
    record Item(int b) {}
  }

  record Both(Left.Item left, Right.Item right, Left.Item again) {}

  @Description("A place on the map")
  record Place(String city) {}

  record Trip(
      @Description("Where the trip starts") Place from,
      Place to,
      @Description("An optional stop") @Nullable Place via) {}

  record OnlyDescribed(@Description("The one place") Place place) {}

  @Description("A link")
  record Chain(String value, @Description("The next link") Chain next) {}

  record ExplicitAccessor(String x) {
    @Override
    @Description("From the accessor")
    public String x() {
      return x;
    }
  }

  record Details(Map<String, Object> metadata) {}

  record Answer(String text, Details details) {}

  record Rows(List<Details> rows) {}

  record WithOptional(Optional<String> note) {}

  static final class Plain {}

  record WithPlain(Plain plain) {}

  @SuppressWarnings("rawtypes")
  record RawList(List items) {}

  record Wild(List<? extends Number> values) {}

  record WithObject(Object any) {}

  record Box<T>(T value) {}

  record HasBox(Box<String> box) {}

  record WithArrayList(ArrayList<String> list) {}

  record BadPrimitive(@Nullable int count) {}

  enum Empty {}

  record HasEmpty(Empty empty) {}

  record Über$Name(String x) {}

  record AVeryLongRecordNameThatGoesOnAndOnWellPastTheSixtyFourCharacterLimitOfOpenAI(int x) {}

  // ---- Schemas ----

  @Test
  void scalarsMapToJsonTypes() {
    assertSchema(Scalars.class, """
        {"type":"object","properties":{
          "s":{"type":"string"},"c":{"type":"string"},"boxedChar":{"type":"string"},
          "b":{"type":"boolean"},"boxedBool":{"type":"boolean"},
          "by":{"type":"integer"},"boxedByte":{"type":"integer"},
          "sh":{"type":"integer"},"boxedShort":{"type":"integer"},
          "i":{"type":"integer"},"boxedInt":{"type":"integer"},
          "l":{"type":"integer"},"boxedLong":{"type":"integer"},"big":{"type":"integer"},
          "f":{"type":"number"},"boxedFloat":{"type":"number"},
          "d":{"type":"number"},"boxedDouble":{"type":"number"},"dec":{"type":"number"}},
         "required":["s","c","boxedChar","b","boxedBool","by","boxedByte","sh","boxedShort","i",
           "boxedInt","l","boxedLong","big","f","boxedFloat","d","boxedDouble","dec"],
         "additionalProperties":false}
        """);
  }

  @Test
  void nestedRecordsCollectionsArraysEnumsAndDescriptions() {
    assertSchema(Order.class, """
        {"type":"object","description":"A customer order",
         "properties":{
           "id":{"type":"string","description":"Order id"},
           "customer":{"$ref":"#/$defs/Customer"},
           "items":{"type":"array","items":{"$ref":"#/$defs/LineItem"}},
           "tags":{"type":"array","items":{"type":"string"}},
           "history":{"type":"array","items":{"type":"string","enum":["NEW","SHIPPED","DELIVERED"]}},
           "status":{"type":"string","enum":["NEW","SHIPPED","DELIVERED"]},
           "quantities":{"type":"array","items":{"type":"integer"}},
           "addresses":{"type":"array","items":{"$ref":"#/$defs/Address"}},
           "matrix":{"type":"array","items":{"type":"array","items":{"type":"number"}}},
           "priority":{"type":"string","description":"How urgent it is","enum":["LOW","HIGH"]},
           "override":{"type":"string","description":"Overrides the enum's","enum":["LOW","HIGH"]}},
         "required":["id","customer","items","tags","history","status","quantities","addresses",
           "matrix","priority","override"],
         "additionalProperties":false,
         "$defs":{
           "Customer":{"type":"object",
             "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/Address"}},
             "required":["name","address"],"additionalProperties":false},
           "Address":{"type":"object",
             "properties":{"city":{"type":"string"},"zip":{"type":"string"}},
             "required":["city","zip"],"additionalProperties":false},
           "LineItem":{"type":"object",
             "properties":{"sku":{"type":"string"},"quantity":{"type":"integer"}},
             "required":["sku","quantity"],"additionalProperties":false}}}
        """);
  }

  @Test
  void keysKeepDeclarationAndDiscoveryOrder() {
    Map<String, Object> schema = generator.strictSchema(Order.class);
    assertThat(schema.keySet()).containsExactly(
        "type", "description", "properties", "required", "additionalProperties", "$defs");
    assertThat(map(schema, "properties").keySet()).containsExactly("id", "customer", "items", "tags",
        "history", "status", "quantities", "addresses", "matrix", "priority", "override");
    assertThat(map(schema, "$defs").keySet()).containsExactly("Customer", "Address", "LineItem");
  }

  @Test
  void nullableComponentsAdmitNullAndStayRequired() {
    assertSchema(Nullables.class, """
        {"type":"object","properties":{
           "name":{"type":["string","null"]},
           "count":{"type":["integer","null"]},
           "status":{"anyOf":[{"type":"string","enum":["NEW","SHIPPED","DELIVERED"]},{"type":"null"}]},
           "address":{"anyOf":[{"$ref":"#/$defs/Address"},{"type":"null"}]},
           "tags":{"anyOf":[{"type":"array","items":{"type":"string"}},{"type":"null"}]},
           "codes":{"anyOf":[{"type":"array","items":{"type":"string"}},{"type":"null"}]},
           "nullableItems":{"type":"array","items":{"type":["string","null"]}},
           "maybeLongs":{"type":"array","items":{"type":["integer","null"]}},
           "declared":{"type":["string","null"]},
           "memberOnly":{"type":["boolean","null"]},
           "described":{"type":["number","null"],"description":"Maybe a number"}},
         "required":["name","count","status","address","tags","codes","nullableItems","maybeLongs",
           "declared","memberOnly","described"],
         "additionalProperties":false,
         "$defs":{"Address":{"type":"object",
           "properties":{"city":{"type":"string"},"zip":{"type":"string"}},
           "required":["city","zip"],"additionalProperties":false}}}
        """);
  }

  @Test
  void recursiveRootRefersToItselfWithHash() {
    assertSchema(Node.class, """
        {"type":"object",
         "properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}},
         "required":["name","children"],"additionalProperties":false}
        """);
  }

  @Test
  void recursiveDefinitionRefersToItself() {
    assertSchema(Tree.class, """
        {"type":"object",
         "properties":{"root":{"$ref":"#/$defs/Node"},
           "fallback":{"anyOf":[{"$ref":"#/$defs/Node"},{"type":"null"}]}},
         "required":["root","fallback"],"additionalProperties":false,
         "$defs":{"Node":{"type":"object",
           "properties":{"name":{"type":"string"},
             "children":{"type":"array","items":{"$ref":"#/$defs/Node"}}},
           "required":["name","children"],"additionalProperties":false}}}
        """);
  }

  @Test
  void sameSimpleNameGetsNumericSuffix() {
    assertSchema(Both.class, """
        {"type":"object",
         "properties":{"left":{"$ref":"#/$defs/Item"},"right":{"$ref":"#/$defs/Item2"},
           "again":{"$ref":"#/$defs/Item"}},
         "required":["left","right","again"],"additionalProperties":false,
         "$defs":{
           "Item":{"type":"object","properties":{"a":{"type":"string"}},
             "required":["a"],"additionalProperties":false},
           "Item2":{"type":"object","properties":{"b":{"type":"integer"}},
             "required":["b"],"additionalProperties":false}}}
        """);
  }

  @Test
  void describedReferenceIsInlinedBecauseRefTakesNoSiblings() {
    assertSchema(Trip.class, """
        {"type":"object",
         "properties":{
           "from":{"type":"object","description":"Where the trip starts",
             "properties":{"city":{"type":"string"}},"required":["city"],
             "additionalProperties":false},
           "to":{"$ref":"#/$defs/Place"},
           "via":{"anyOf":[{"$ref":"#/$defs/Place"},{"type":"null"}],
             "description":"An optional stop"}},
         "required":["from","to","via"],"additionalProperties":false,
         "$defs":{"Place":{"type":"object","description":"A place on the map",
           "properties":{"city":{"type":"string"}},"required":["city"],
           "additionalProperties":false}}}
        """);
  }

  @Test
  void definitionsOnlyUsedInlinedAreDropped() {
    assertSchema(OnlyDescribed.class, """
        {"type":"object",
         "properties":{"place":{"type":"object","description":"The one place",
           "properties":{"city":{"type":"string"}},"required":["city"],
           "additionalProperties":false}},
         "required":["place"],"additionalProperties":false}
        """);
  }

  @Test
  void describedRecursiveReferenceIsInlinedOnce() {
    assertSchema(Chain.class, """
        {"type":"object","description":"A link",
         "properties":{"value":{"type":"string"},
           "next":{"type":"object","description":"The next link",
             "properties":{"value":{"type":"string"},"next":{"$ref":"#"}},
             "required":["value","next"],"additionalProperties":false}},
         "required":["value","next"],"additionalProperties":false}
        """);
  }

  @Test
  void descriptionOnExplicitAccessor() {
    assertSchema(ExplicitAccessor.class, """
        {"type":"object","properties":{"x":{"type":"string","description":"From the accessor"}},
         "required":["x"],"additionalProperties":false}
        """);
  }

  @Test
  void functionParametersIsTheStrictSchema() {
    assertThat(generator.functionParameters(Order.class))
        .isEqualTo(new JsonSchemaGenerator().strictSchema(Order.class));
  }

  // ---- Errors ----

  @Test
  void mapIsRejectedWithPath() {
    assertRejected(Answer.class,
        "Answer.details.metadata: Map is not supported by strict structured outputs; use a record");
  }

  @Test
  void listItemsAppearInThePath() {
    assertRejected(Rows.class,
        "Rows.rows[].metadata: Map is not supported by strict structured outputs; use a record");
  }

  @Test
  void optionalIsRejected() {
    assertRejected(WithOptional.class, "WithOptional.note: Optional is not supported by strict"
        + " structured outputs; use a @Nullable component");
  }

  @Test
  void nonRecordClassIsRejected() {
    assertRejected(WithPlain.class, "WithPlain.plain: Plain (" + Plain.class.getName() + ") is not a"
        + " record; strict structured outputs support records, enums, strings, numbers, booleans,"
        + " arrays and collections");
  }

  @Test
  void otherUnsupportedTypesAreRejected() {
    assertRejected(RawList.class, "RawList.items: raw List is not supported by strict structured"
        + " outputs; give the element type, as in List<String>");
    assertRejected(Wild.class, "Wild.values[]: wildcard type ? extends Number is not supported by"
        + " strict structured outputs; use a concrete type");
    assertRejected(WithObject.class,
        "WithObject.any: Object is not supported by strict structured outputs; use a concrete type");
    assertRejected(HasBox.class, "HasBox.box: generic record Box<String> is not supported by strict"
        + " structured outputs; use a record without type parameters");
    assertRejected(WithArrayList.class, "WithArrayList.list: ArrayList is not supported by strict"
        + " structured outputs; use List, Set or Collection");
    assertRejected(BadPrimitive.class,
        "BadPrimitive.count: @Nullable int can never be null; use Integer");
    assertRejected(HasEmpty.class, "HasEmpty.empty: enum Empty has no constants; strict structured"
        + " outputs need at least one value");
  }

  @Test
  void rootMustBeANonGenericRecord() {
    assertRejected(String.class,
        "String is not a record; the root of a structured output schema must be a record");
    assertRejected(Plain.class,
        "Plain is not a record; the root of a structured output schema must be a record");
    assertRejected(Status.class,
        "Status is not a record; the root of a structured output schema must be a record");
    Type mapType = Details.class.getRecordComponents()[0].getGenericType();
    assertRejected(mapType, "Map<String, Object> is not a record; the root of a structured output"
        + " schema must be a record");
    assertRejected(Box.class, "generic record Box is not supported by strict structured outputs;"
        + " use a record without type parameters");
    assertThatThrownBy(() -> generator.functionParameters(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("String is not a record; the root of a function tool's parameters schema must be"
            + " a record");
  }

  @Test
  void failuresAreNotCached() {
    assertRejected(Answer.class,
        "Answer.details.metadata: Map is not supported by strict structured outputs; use a record");
    assertRejected(Answer.class,
        "Answer.details.metadata: Map is not supported by strict structured outputs; use a record");
  }

  // ---- Names ----

  @Test
  void schemaNameIsSanitizedSimpleName() {
    assertThat(JsonSchemaGenerator.schemaName(Order.class)).isEqualTo("Order");
    assertThat(JsonSchemaGenerator.schemaName(Left.Item.class)).isEqualTo("Item");
    assertThat(JsonSchemaGenerator.schemaName(Über$Name.class)).isEqualTo("_ber_Name");
    Type listType = Rows.class.getRecordComponents()[0].getGenericType();
    assertThat(JsonSchemaGenerator.schemaName(listType)).isEqualTo("List");
    assertThat(JsonSchemaGenerator.schemaName(
        AVeryLongRecordNameThatGoesOnAndOnWellPastTheSixtyFourCharacterLimitOfOpenAI.class))
        .isEqualTo("AVeryLongRecordNameThatGoesOnAndOnWellPastTheSixtyFourCharacterL")
        .hasSize(64);
  }

  @Test
  void schemaNameRejectsTypesWithoutAClass() {
    Type wildcard = Wild.class.getRecordComponents()[0].getAnnotatedType().getType();
    Type argument = ((java.lang.reflect.ParameterizedType) wildcard).getActualTypeArguments()[0];
    assertThatThrownBy(() -> JsonSchemaGenerator.schemaName(argument))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a class or parameterized type: ?");
  }

  // ---- Caching and immutability ----

  @Test
  void resultsAreCachedAndUnmodifiable() {
    Map<String, Object> first = generator.strictSchema(Order.class);
    assertThat(generator.strictSchema(Order.class)).isSameAs(first);
    assertThat(generator.functionParameters(Order.class)).isSameAs(first);
    assertThat(new JsonSchemaGenerator().strictSchema(Order.class)).isEqualTo(first).isNotSameAs(first);

    assertThatThrownBy(() -> first.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map(first, "properties").remove("id"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> required = (List<Object>) first.get("required");
    assertThatThrownBy(() -> required.add("z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map(map(first, "$defs"), "Customer").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parallelCallsShareOneResultPerType() throws Exception {
    JsonSchemaGenerator shared = new JsonSchemaGenerator();
    List<Class<?>> types = List.of(Order.class, Nullables.class, Tree.class, Trip.class, Both.class);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<String, Object>>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Class<?> type = types.get(i % types.size());
        futures.add(pool.submit(() -> shared.strictSchema(type)));
      }
      for (int i = 0; i < futures.size(); i++) {
        Class<?> type = types.get(i % types.size());
        Map<String, Object> schema = futures.get(i).get(10, TimeUnit.SECONDS);
        assertThat(schema).isSameAs(shared.strictSchema(type))
            .isEqualTo(new JsonSchemaGenerator().strictSchema(type));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- Helpers ----

  private void assertSchema(Type type, String expectedJson) {
    assertThat(generator.strictSchema(type)).isEqualTo(TestJson.object(expectedJson));
  }

  private void assertRejected(Type type, String message) {
    assertThatThrownBy(() -> generator.strictSchema(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> schema, String key) {
    return (Map<String, Object>) schema.get(key);
  }
}
