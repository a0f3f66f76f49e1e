package dev.parley.review;

/** Reads the review endpoints' query parameters strictly, naming the parameter and its range when one is wrong. */
final class ReviewParameters {

    private ReviewParameters() {
    }

    static int wholeNumber(String name, String value, int min, int max) {
        String expected = "'" + name + "' must be a whole number from " + min + " to " + max + ", was '"
                + abbreviate(value) + "'";
        if (!value.strip().matches("\\d{1,6}")) {
            throw new InvalidReviewRequestException(name, expected);
        }
        int number = Integer.parseInt(value.strip());
        if (number < min || number > max) {
            throw new InvalidReviewRequestException(name, expected);
        }
        return number;
    }

    static String oneOf(String name, String value, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return candidate;
            }
        }
        throw new InvalidReviewRequestException(name, "'" + name + "' must be one of " + String.join(", ", allowed)
                + ", was '" + abbreviate(value) + "'");
    }

    /** Echoes at most 40 characters of what the client sent, so an error message stays readable. */
    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
