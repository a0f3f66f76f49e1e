package dev.parley.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A question the conversation service accepts: see {@link dev.parley.conversation.UserMessage#problemWith}. */
@Documented
@Constraint(validatedBy = QuestionTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface QuestionText {
    String message() default "is not a valid question";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
