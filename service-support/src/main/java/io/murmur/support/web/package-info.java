/**
 * HTTP concerns every Murmur service shares: RFC 9457 problem responses with stable
 * types, the request body limit, strict JSON input and the parsing of user ids.
 */
@NullMarked
package io.murmur.support.web;

import org.jspecify.annotations.NullMarked;
