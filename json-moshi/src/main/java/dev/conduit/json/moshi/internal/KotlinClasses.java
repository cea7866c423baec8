package dev.conduit.json.moshi.internal;

import java.lang.annotation.Annotation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Recognises Kotlin classes without linking against Kotlin, to explain why Moshi refused one. */
public final class KotlinClasses {
  private static final String METADATA = "kotlin.Metadata";

  /** Moshi's words for a Kotlin class it refuses: its own Kotlin check, and its platform-type check. */
  private static final Pattern REFUSED =
      Pattern.compile("Kotlin type ([\\w$.]*[\\w$])|Platform class (kotlinx?\\.[\\w$.]*[\\w$])");

  private KotlinClasses() {}

  /** Returns the Kotlin class named in one of Moshi's refusals, or null. */
  public static @Nullable String refusedIn(@Nullable String moshiMessage) {
    if (moshiMessage == null) return null;
    Matcher matcher = REFUSED.matcher(moshiMessage);
    if (!matcher.find()) return null;
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }

  /** Returns true if {@code type} was compiled by Kotlin (it carries {@code @kotlin.Metadata}). */
  public static boolean isKotlin(Class<?> type) {
    for (Annotation annotation : type.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(METADATA)) return true;
    }
    return false;
  }

  /** The message for a Kotlin class that Moshi cannot bind by reflection without kotlin-reflect. */
  public static String message(String typeName, String kotlinClass) {
    String subject = typeName.equals(kotlinClass)
        ? typeName + ": it is a Kotlin class"
        : typeName + ": it holds the Kotlin class " + kotlinClass;
    return "Cannot bind " + subject + ", and Moshi binds Kotlin classes only with kotlin-reflect or"
        + " generated adapters. Kotlin data classes need conduit-kotlin (dev.conduit:conduit-kotlin);"
        + " or pass MoshiJsonCodec.create(moshi) a Moshi with an adapter for it; or use a Java record";
  }
}
