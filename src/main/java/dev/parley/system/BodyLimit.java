package dev.parley.system;

/**
 * A larger request-body limit a feature declares, as a bean, for one of its own paths: {@link RequestSizeLimitFilter}
 * allows it on exactly this path and {@link RequestSizeLimitFilter#MAX_BODY_BYTES} everywhere else.
 *
 * @param path     the request path (without the context path), exactly as sent; a path spelt otherwise gets the
 *                 default limit
 * @param maxBytes the most bytes its body may have
 */
public record BodyLimit(String path, long maxBytes) {
}
