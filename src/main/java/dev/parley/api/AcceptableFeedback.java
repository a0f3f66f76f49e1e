package dev.parley.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Feedback the conversation keeps: see {@link dev.parley.conversation.AnswerFeedback#problemsWith}. */
@Documented
@Constraint(validatedBy = AcceptableFeedbackValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AcceptableFeedback {
    String message() default "is not feedback that can be kept";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
