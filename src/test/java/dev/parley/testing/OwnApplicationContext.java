package dev.parley.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a test class an application context of its own, and with it a database of its own (the tests'
 * application.yml names each context's in-memory database after a random id), for tests that count what the
 * database holds: nothing another test class asked is counted. Its {@code @Nested} classes share its context.
 * Otherwise the context is configured as the class says; it is only never shared with another class.
 *
 * <p>Each class so marked costs the suite a start-up of its own: only for tests whose counts need it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ContextCustomizerFactories(OwnApplicationContext.Factory.class)
public @interface OwnApplicationContext {

    /** Tells the test framework that the marked class's context is its own (contexts with equal keys are shared). */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            // Found on the class, its superclasses or, for a @Nested class, the classes around it.
            var marked = TestContextAnnotationUtils.findAnnotationDescriptor(testClass, OwnApplicationContext.class);
            return marked == null ? null : new Owner(marked.getDeclaringClass());
        }
    }

    /** Changes nothing in the context; its equality, by the class marked, is what keeps the context apart. */
    record Owner(Class<?> markedClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        }
    }
}
