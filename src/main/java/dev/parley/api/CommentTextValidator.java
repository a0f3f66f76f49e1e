package dev.parley.api;

import dev.parley.conversation.AnswerFeedback;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Applies the conversation's own rule, so the REST API and the chat refuse exactly the same comments. */
class CommentTextValidator implements ConstraintValidator<CommentText, String> {

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        return AnswerFeedback.commentProblem(text).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.description()).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
