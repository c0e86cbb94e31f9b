/**
 * Requests sent byte for byte over a socket, and their responses.
 */
@NullMarked
package io.murmur.reliability.http;

import org.jspecify.annotations.NullMarked;
