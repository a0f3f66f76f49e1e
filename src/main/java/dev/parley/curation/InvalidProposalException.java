package dev.parley.curation;

/** A proposal that cannot be applied as asked, for a reason the request itself holds. */
class InvalidProposalException extends RuntimeException {

    InvalidProposalException(String message) {
        super(message);
    }
}
