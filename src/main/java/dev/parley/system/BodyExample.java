package dev.parley.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body a controller expects, shown when one it is sent cannot be read: "The request body is missing or is not
 * valid JSON of the expected shape, e.g. <em>value</em>." With {@link #namesTheField()} the field that is wrong is
 * named instead where Jackson says which. A controller without it gets the field where it can be named, and
 * otherwise no example: never another endpoint's, which would only confuse its client.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyExample {

    /** An example body, and anything a client should know about it, e.g. {@code {"helpful": false}}. */
    String value();

    /**
     * Whether a field Jackson names as wrong ("'question' must be text") is said rather than the example: for a
     * body whose fields a client sets one by one; off where one example tells more (the feedback's verdict).
     */
    boolean namesTheField() default false;
}
