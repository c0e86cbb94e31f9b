/**
 * The clock as a bean.
 */
@NullMarked
package io.murmur.support.time;

import org.jspecify.annotations.NullMarked;
