/**
 * HTTP concerns shared by every endpoint: RFC 9457 problem responses, the request body
 * limit and the client address.
 */
@NullMarked
package io.murmur.user.web;

import org.jspecify.annotations.NullMarked;
