package io.murmur.support.web;

/**
 * One entry of a problem's {@code errors} array: a request field and what is wrong with
 * it.
 *
 * @param field the field, as named in the request JSON ({@code handle}, {@code ids[3]})
 * @param message what is wrong, for people
 */
public record InvalidField(String field, String message) {

}
