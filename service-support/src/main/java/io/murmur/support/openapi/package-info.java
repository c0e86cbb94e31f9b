/**
 * The OpenAPI document of every Murmur service on Spring MVC, set up in one place: the
 * service's title and version, the gateway as the server, bearer tokens except on the
 * public endpoints, one problem schema for every error response, and {@code required},
 * nullability and constraints read from the code, so that the document cannot drift from
 * it.
 */
@NullMarked
package io.murmur.support.openapi;

import org.jspecify.annotations.NullMarked;
