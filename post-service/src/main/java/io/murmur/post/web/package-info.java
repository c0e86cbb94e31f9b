/**
 * HTTP concerns shared by every endpoint: RFC 9457 problem responses, and the error page.
 */
@NullMarked
package io.murmur.post.web;

import org.jspecify.annotations.NullMarked;
