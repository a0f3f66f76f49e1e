package dev.parley.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A feedback comment the conversation keeps: see {@link dev.parley.conversation.AnswerFeedback#commentProblem}. */
@Documented
@Constraint(validatedBy = CommentTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface CommentText {
    String message() default "is not a valid comment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
