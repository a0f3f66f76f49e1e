package dev.parley.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A question the conversation service accepts, by the rule for text people send ({@link UserText}, at most
 * {@link UserText#MAX_LENGTH} characters): what {@code UserMessage.problemWith} checks on every channel.
 */
@Documented
@Constraint(validatedBy = QuestionTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface QuestionText {
    String message() default "is not a valid question";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
