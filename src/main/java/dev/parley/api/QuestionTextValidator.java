package dev.parley.api;

import dev.parley.conversation.UserMessage;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Applies the conversation's own rule, so the REST API and the chat refuse exactly the same questions. */
class QuestionTextValidator implements ConstraintValidator<QuestionText, String> {

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        return UserMessage.problemWith(text).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.description()).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
