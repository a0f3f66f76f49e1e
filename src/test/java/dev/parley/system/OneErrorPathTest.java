package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every error a controller raises is answered by one exception handler: an advice of a feature's own, ordered ahead
 * of it, would answer the same exception differently depending on which controller threw it.
 */
class OneErrorPathTest {

    @Test
    void oneAdviceHandlesExceptionsForTheWholeApplication() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ControllerAdvice.class));
        List<String> handlers = scanner.findCandidateComponents("dev.parley").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(OneErrorPathTest::handlesExceptions)
                .toList();

        assertThat(handlers).containsExactly(ApiExceptionHandler.class.getName());
    }

    private static boolean handlesExceptions(String className) {
        try {
            for (Class<?> type = Class.forName(className); type != null; type = type.getSuperclass()) {
                if (Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(method -> method.isAnnotationPresent(ExceptionHandler.class))) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
