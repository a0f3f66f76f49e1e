package dev.parley.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Applies the rule for text people send, so the REST API, the chat and curation refuse exactly the same questions. */
class QuestionTextValidator implements ConstraintValidator<QuestionText, String> {

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        return UserText.problemWith(text, UserText.MAX_LENGTH).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.description()).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
