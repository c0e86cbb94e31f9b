/**
 * The RFC 9457 problem types of Murmur's API, shared by the services and the gateway.
 */
@NullMarked
package io.murmur.support.problem;

import org.jspecify.annotations.NullMarked;
