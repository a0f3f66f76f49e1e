package dev.parley.review;

/** A review request with a parameter out of range or of the wrong form; answered with 400 problem details. */
class InvalidReviewRequestException extends RuntimeException {

    private final String parameter;

    InvalidReviewRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
