package dev.parley.api;

import dev.parley.conversation.AnswerFeedback;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Applies the conversation's own feedback rule, so the REST API and the chat refuse exactly the same feedback with
 * the same words; each problem is reported on its field, as a constraint on that field would be.
 */
class AcceptableFeedbackValidator implements ConstraintValidator<AcceptableFeedback, FeedbackRequest> {

    @Override
    public boolean isValid(FeedbackRequest request, ConstraintValidatorContext context) {
        var problems = AnswerFeedback.problemsWith(request.helpful(), request.comment());
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        problems.forEach(problem -> context.buildConstraintViolationWithTemplate(problem.description())
                .addPropertyNode(problem.field()).addConstraintViolation());
        return false;
    }
}
