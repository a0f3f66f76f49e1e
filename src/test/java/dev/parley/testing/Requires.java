package dev.parley.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only where its {@link Requirement} is met. Elsewhere it is disabled with
 * the reason, so Surefire counts its tests as skipped and says why; in CI ({@code CI} set) it runs anyway, and fails
 * on what is missing, so a CI run never passes without having run it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequirementCondition.class)
public @interface Requires {

    Requirement value();
}
