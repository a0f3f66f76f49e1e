package dev.parley.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body a controller expects, shown when one it is sent cannot be read: "The request body is missing or is not
 * valid JSON of the expected shape, e.g. <em>value</em>." Without it the exception handler names the field that is
 * wrong where it can, and otherwise shows an ask, which would only confuse a client of another endpoint.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyExample {

    /** An example body, and anything a client should know about it, e.g. {@code {"helpful": false}}. */
    String value();
}
