/**
 * What the services' tests share to stand in for the services they call, published as
 * support-core's test jar.
 */
@NullMarked
package io.murmur.support.standin;

import org.jspecify.annotations.NullMarked;
