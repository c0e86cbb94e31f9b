/**
 * HTTP concerns shared by every endpoint: RFC 9457 problem responses, the error page and
 * the request body limit.
 */
@NullMarked
package io.murmur.post.web;

import org.jspecify.annotations.NullMarked;
