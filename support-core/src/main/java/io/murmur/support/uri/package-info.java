/**
 * What the gateway and the services both check of a request's URI.
 */
@NullMarked
package io.murmur.support.uri;

import org.jspecify.annotations.NullMarked;
