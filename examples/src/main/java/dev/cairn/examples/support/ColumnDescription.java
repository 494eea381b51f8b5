package dev.cairn.examples.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a column of a table-like record, for the schema that {@link TableMetadata} attaches
 * to a materialization.
 *
 * <pre>{@code
 * public record Story(@ColumnDescription("The story's points") int score, ...) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ColumnDescription {

    /** What the column holds, in a few words. */
    String value();
}
