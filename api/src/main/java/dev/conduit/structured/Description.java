package dev.conduit.structured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Explains a record, enum or record component to the model. The text becomes the {@code description}
 * of that class or property in the JSON Schema Conduit derives for structured outputs and function
 * tools, so write it for the model: say what the value means, its unit, or its format.
 *
 * <pre>{@code
 * @Description("A city's weather right now")
 * record Weather(
 *     @Description("Temperature in degrees Celsius") double celsius,
 *     @Description("Short summary, such as \"light rain\"") String summary) {}
 * }</pre>
 *
 * <p>On a component, the description is taken from the component itself, or else from an explicitly
 * declared accessor. A description on a component wins over one on the component's class. A blank
 * value is ignored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.TYPE,
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface Description {
  /** The description, in plain language. */
  String value();
}
